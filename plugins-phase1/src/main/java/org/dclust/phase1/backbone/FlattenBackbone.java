package org.dclust.phase1.backbone;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Blocks;
import org.dclust.api.model.Backbone;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.param.Params;

/**
 * The identity encoder: each sample (b, shape...) flattened to a row (b, D), D the product of the
 * sample shape, with no weights and no decoder. The latent space is the data itself, which is what
 * the {@code identity} learner hands to a refiner when the data set holds fixed features (embeddings
 * made by another tool, read by the {@code features} data set): the architecture document's "LatentModel
 * with an identity encoder".
 */
public final class FlattenBackbone implements Backbone {
    private final Params params;

    public FlattenBackbone(Params params) {
        this.params = params;
    }

    @Override
    public String name() {
        return FlattenBackboneProvider.NAME;
    }

    @Override
    public Params params() {
        return params;
    }

    /** 0: the latent size is the input's (the built network's {@link EncoderNetwork#latentDim()}). */
    @Override
    public int latentDim() {
        return 0;
    }

    @Override
    public boolean buildsDecoder() {
        return false;
    }

    /** No weights: the latent space is the data. */
    @Override
    public boolean hasWeights() {
        return false;
    }

    @Override
    public EncoderNetwork build(NDManager manager, int[] inputShape) {
        return EncoderNetwork.encoderOnly(this, Blocks.batchFlattenBlock(), manager, inputShape);
    }
}
