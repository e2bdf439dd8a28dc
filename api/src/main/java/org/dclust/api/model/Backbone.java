package org.dclust.api.model;

import ai.djl.ndarray.NDManager;
import org.dclust.api.param.Params;

/**
 * An encoder/decoder architecture with its parameters. {@link #build} allocates a fresh, initialised
 * {@link EncoderNetwork} for a given input shape; every learner works with any backbone through this.
 */
public interface Backbone {
    /** The provider name, recorded in saved models so they can be rebuilt. */
    String name();

    /** The resolved parameters, recorded in saved models and provenance. */
    Params params();

    /** The size of the latent space this backbone encodes to. */
    int latentDim();

    /**
     * Builds and initialises the encoder and decoder in {@code manager} for samples of the given
     * shape. Initial weights come from the engine's random state: seed it first for determinism.
     *
     * @throws org.dclust.api.DclustException when the architecture cannot take this input shape
     */
    EncoderNetwork build(NDManager manager, int[] inputShape);
}
