package org.dclust.testkit;

import java.util.Random;
import org.dclust.api.data.Dataset;

/** Small synthetic data sets for tests: well separated Gaussian blobs. */
public final class SyntheticData {
    private SyntheticData() {
    }

    /** {@code n} samples of dimension {@code d} in {@code k} Gaussian blobs (labels i mod k), seeded. */
    public static Dataset blobs(int n, int d, int k, long seed) {
        Random r = new Random(seed);
        float[][] means = new float[k][d];
        for (float[] m : means) {
            for (int j = 0; j < d; j++) {
                m[j] = (float) r.nextGaussian() * 3;
            }
        }
        float[] v = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % k;
            for (int j = 0; j < d; j++) {
                v[i * d + j] = means[y[i]][j] + (float) r.nextGaussian() * 0.3f;
            }
        }
        return new Dataset("blobs", v, new int[] {d}, y, k);
    }
}
