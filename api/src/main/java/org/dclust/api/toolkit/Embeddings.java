package org.dclust.api.toolkit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.AutoEncoder;

/** Latent codes of a whole data set, in evaluation mode (BatchNorm running statistics), batch by batch. */
public final class Embeddings {
    private Embeddings() {
    }

    /** Codes (N × d) of every sample. */
    public static float[][] encode(AutoEncoder net, Dataset data, int batchSize) {
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
}
