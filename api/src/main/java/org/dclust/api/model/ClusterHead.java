package org.dclust.api.model;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The part of a {@link ClusterModel} after the encoder: maps latent codes (b, d) to probabilities
 * (b, K). {@link CentroidHead} uses centres and a soft assignment; {@link MlpHead} is a trained
 * soft-max network (DCSS's MNet). A refiner may bring its own head: with a
 * {@link org.dclust.api.spi.HeadProvider} registered under its {@code kind}, its models load again.
 */
public interface ClusterHead extends AutoCloseable {
    /** Probabilities (b, K); rows sum to 1. */
    NDArray probabilities(NDArray latent, boolean training);

    int clusters();

    /**
     * The head's type and settings, for the model manifest (JSON values only): {@code kind} names the
     * {@link org.dclust.api.spi.HeadProvider} that loads it, the rest is what that provider reads.
     */
    Map<String, Object> describe();

    /** Writes the head's arrays into the model directory. */
    void save(Path dir) throws IOException;

    @Override
    void close();
}
