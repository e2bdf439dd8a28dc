package org.dclust.refiners.mnet;

import java.util.List;
import org.dclust.api.model.Backbone;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.BackboneProvider;

/** Registers {@link TestMlpBackbone} for the tests (ClusterModel.load rebuilds backbones by name). */
public final class TestMlpBackboneProvider implements BackboneProvider {
    static final String NAME = "test-mlp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "test-only fully connected autoencoder";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("latentDim", 2, 1, 4096, "latent size"),
                ParamSpec.text("hidden", "32,32", "encoder hidden layer sizes"));
    }

    @Override
    public Backbone create(Params params) {
        return new TestMlpBackbone(params);
    }
}
