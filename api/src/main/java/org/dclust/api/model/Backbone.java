package org.dclust.api.model;

import ai.djl.ndarray.NDManager;
import org.dclust.api.param.Params;

/**
 * A network architecture with its parameters: an encoder and, for an autoencoder, a matching decoder.
 * {@link #build} allocates a fresh, initialised {@link EncoderNetwork} for a given input shape; every
 * learner works with any backbone through this. A backbone that builds no decoder (a contrastive
 * encoder, the identity {@code flatten}) says so in {@link #buildsDecoder()}, so a learner that
 * reconstructs its input ({@link org.dclust.api.spi.LearnerProvider#needsDecoder}) is refused with it
 * before anything trains.
 */
public interface Backbone {
    /** The provider name, recorded in saved models so they can be rebuilt. */
    String name();

    /** The resolved parameters, recorded in saved models and provenance. */
    Params params();

    /**
     * The size of the latent space this backbone encodes to, or 0 when it follows the input shape (the
     * identity {@code flatten}); the built network's {@link EncoderNetwork#latentDim()} is always exact.
     */
    int latentDim();

    /**
     * Whether {@link #build} gives a decoder; known from the parameters alone, without allocating. The
     * framework reads it when a run is resolved, before anything loads or trains. Default true.
     */
    default boolean buildsDecoder() {
        return true;
    }

    /**
     * Whether the encoder {@link #build} gives has weights to train; known from the parameters alone.
     * False for the identity {@code flatten}, so a refiner that would fine-tune only the encoder
     * ({@link org.dclust.api.spi.RefinerProvider#trainsEncoder}) is refused with it before anything
     * trains. Default true.
     */
    default boolean hasWeights() {
        return true;
    }

    /**
     * Builds and initialises the encoder (and the decoder where {@link #buildsDecoder()}) in
     * {@code manager} for samples of the given shape. Initial weights come from the engine's random
     * state: seed it first for determinism.
     *
     * @throws org.dclust.api.DclustException when the architecture cannot take this input shape
     */
    EncoderNetwork build(NDManager manager, int[] inputShape);
}
