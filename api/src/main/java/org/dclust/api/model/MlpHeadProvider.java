package org.dclust.api.model;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.dclust.api.spi.HeadProvider;

/** Loads the {@code mlp} head ({@link MlpHead}: a soft-max network, its parameters in {@code head.params}). */
public final class MlpHeadProvider implements HeadProvider {
    static final String NAME = "mlp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "a soft-max network on the latent space (DCSS's MNet)";
    }

    @Override
    public ClusterHead load(Map<String, Object> description, Path dir, NDManager parent) throws IOException {
        return MlpHead.fromDescription(parent, description, dir);
    }
}
