package org.dclust.datasets;

import java.util.Random;

/**
 * A fixed random nonlinear map from the plane into D dimensions, drawn from {@code java.util.Random(seed)}:
 * {@code h = tanh(A·x + b)} with A (D×2) and b (D) standard normal, then {@code y = h + ½·sin(B·h)}
 * with B (D×D) normal of variance 1/D. Smooth and, for D ≥ 3, generically one-to-one on the region
 * the 2-D shapes occupy, so clusters keep their shape while no single coordinate shows it.
 */
final class NonlinearLift {
    private final int dim;
    private final double[] a;
    private final double[] b;
    private final double[] mix;

    NonlinearLift(int dim, long seed) {
        this.dim = dim;
        Random rnd = new Random(seed);
        a = new double[2 * dim];
        b = new double[dim];
        mix = new double[dim * dim];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < dim; i++) {
            b[i] = rnd.nextGaussian();
        }
        double s = 1 / Math.sqrt(dim);
        for (int i = 0; i < mix.length; i++) {
            mix[i] = s * rnd.nextGaussian();
        }
    }

    /** Maps the point (x0, x1) to {@code out[off..off+dim)}. */
    void apply(double x0, double x1, float[] out, int off) {
        double[] h = new double[dim];
        for (int j = 0; j < dim; j++) {
            h[j] = Math.tanh(a[2 * j] * x0 + a[2 * j + 1] * x1 + b[j]);
        }
        for (int j = 0; j < dim; j++) {
            double z = 0;
            for (int k = 0; k < dim; k++) {
                z += mix[j * dim + k] * h[k];
            }
            out[off + j] = (float) (h[j] + 0.5 * Math.sin(z));
        }
    }
}
