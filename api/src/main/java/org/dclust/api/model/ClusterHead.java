package org.dclust.api.model;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The part of a {@link ClusterModel} after the encoder: maps latent codes (b, d) to probabilities
 * (b, K). {@link CentroidHead} uses centres and a soft assignment; {@link MlpHead} is a trained
 * soft-max network (DCSS's MNet).
 */
public interface ClusterHead extends AutoCloseable {
    /** Probabilities (b, K); rows sum to 1. */
    NDArray probabilities(NDArray latent, boolean training);

    int clusters();

    /** The head's type and settings, for the model manifest; {@code kind} selects how it is loaded. */
    Map<String, Object> describe();

    /** Writes the head's arrays into the model directory. */
    void save(Path dir) throws IOException;

    @Override
    void close();
}
