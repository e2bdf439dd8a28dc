package org.dclust.api.toolkit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.model.SoftAssignment;

/** Latent codes and soft assignments of a whole data set, in evaluation mode (BatchNorm running statistics), batch by batch. */
public final class Embeddings {
    /** The batch of {@link #probabilities}. */
    private static final int CHUNK = 1024;

    private Embeddings() {
    }

    /** Codes (N × d) of every sample. */
    public static float[][] encode(EncoderNetwork net, Dataset data, int batchSize) {
        int n = data.size();
        int d = net.latentDim();
        float[][] out = new float[n][];
        for (int start = 0; start < n; start += batchSize) {
            int end = Math.min(n, start + batchSize);
            try (NDManager scope = net.manager().newSubManager()) {
                NDArray z = net.encode(data.range(scope, start, end), false);
                float[] flat = z.toFloatArray();
                for (int i = start; i < end; i++) {
                    out[i] = java.util.Arrays.copyOfRange(flat, (i - start) * d, (i - start + 1) * d);
                }
            }
        }
        return out;
    }

    /**
     * Probabilities (N, K) of every sample to {@code centres} (K, d) by {@code assignment}, in
     * {@code scope}: what DEC's target distribution is computed from. Codes in evaluation mode, in
     * batches of 1024; the centres may be long-lived (a copy goes into each batch).
     */
    public static NDArray probabilities(EncoderNetwork net, Dataset data, NDArray centres, SoftAssignment assignment, NDManager scope) {
        int n = data.size();
        NDList parts = new NDList();
        for (int s = 0; s < n; s += CHUNK) {
            try (NDManager chunk = scope.newSubManager()) {
                NDArray z = net.encode(data.range(chunk, s, Math.min(n, s + CHUNK)), false);
                NDArray q = assignment.probabilities(z, Matrices.inScope(centres, chunk));
                q.attach(scope);
                parts.add(q);
            }
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 0);
    }
}
