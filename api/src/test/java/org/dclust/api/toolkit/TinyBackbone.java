package org.dclust.api.toolkit;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.dclust.api.model.Backbone;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.param.Params;

/** A small MLP autoencoder backbone for the toolkit's tests: the given hidden widths, then the latent layer, and its mirror. */
record TinyBackbone(int[] hidden, int latentDim) implements Backbone {
    @Override
    public String name() {
        return "test-tiny";
    }

    @Override
    public Params params() {
        return Params.defaults("test-tiny", List.of());
    }

    @Override
    public EncoderNetwork build(NDManager manager, int[] inputShape) {
        return MlpNetworks.autoencoder(this, manager, inputShape, hidden, latentDim);
    }
}
