package org.dclust.api.model;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Map;
import org.dclust.api.spi.HeadProvider;

/** Loads the {@code centroid} head ({@link CentroidHead}: centres and a soft assignment, all in the manifest). */
public final class CentroidHeadProvider implements HeadProvider {
    static final String NAME = "centroid";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "fixed centres and a soft assignment to them";
    }

    @Override
    public ClusterHead load(Map<String, Object> description, Path dir, NDManager parent) {
        return CentroidHead.fromDescription(parent, description);
    }
}
