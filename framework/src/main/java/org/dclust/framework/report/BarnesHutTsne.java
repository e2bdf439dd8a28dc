package org.dclust.framework.report;

import java.util.Arrays;
import java.util.Random;

/**
 * A 2-D t-SNE map (L.J.P. van der Maaten and G.E. Hinton, "Visualizing Data using t-SNE", JMLR 9,
 * 2008) computed with the Barnes-Hut approximation (L.J.P. van der Maaten, "Accelerating t-SNE using
 * Tree-Based Algorithms", JMLR 15, 2014), following the reference implementation bhtsne.
 *
 * <p>The input is centred and scaled by its largest absolute value; the input affinities are Gaussians
 * over each point's {@code 3 * perplexity} exact nearest neighbours, calibrated to the perplexity by
 * binary search, symmetrised and normalised ({@link TsneAffinities}). The map starts from
 * {@code N(0, 1e-4^2)} drawn by {@code java.util.Random(seed)} and descends the gradient
 * ({@link TsneGradient}, repulsion by a {@link QuadTree}) with the reference schedule: early
 * exaggeration 12 for the first 250 iterations, momentum 0.5 then 0.8 from iteration 250, per-coordinate
 * gains (+0.2 when the gradient's sign differs from the last step's, x0.8 otherwise, at least 0.01),
 * and the map re-centred after each step. The learning rate is {@code max(n / 12, 200)}: the
 * reference's 200 up to 2,400 points and, above, the n / exaggeration rule of Belkina et al. (2019),
 * which scikit-learn writes {@code max(n / 12 / 4, 50)} because its gradient keeps the factor 4 that
 * this one (like bhtsne's) leaves out. The result depends only on the input, the parameters and the seed.
 */
public final class BarnesHutTsne {
    /** Default perplexity. */
    public static final double PERPLEXITY = 30;
    /** Default Barnes-Hut accuracy (0 is exact). */
    public static final double THETA = 0.5;
    /** Default number of gradient steps. */
    public static final int ITERATIONS = 1000;

    private static final double EXAGGERATION = 12;
    private static final int EXAGGERATION_STEPS = 250;
    private static final int MOMENTUM_SWITCH = 250;

    private BarnesHutTsne() {
    }

    /** The 2-D map of x with perplexity 30, theta 0.5 and 1,000 iterations. */
    public static double[][] embed(float[][] x, long seed) {
        return embed(x, seed, PERPLEXITY, THETA, ITERATIONS);
    }

    /**
     * The 2-D map of the rows of x, one {@code {x, y}} per row. A perplexity too large for the point
     * count is lowered to what {@code n - 1} neighbours allow.
     */
    public static double[][] embed(float[][] x, long seed, double perplexity, double theta, int iterations) {
        if (!(perplexity > 0) || !(theta >= 0) || iterations < 0) {
            throw new IllegalArgumentException("t-SNE needs perplexity > 0, theta >= 0, iterations >= 0");
        }
        int n = x.length;
        double[] y = new double[2 * n];
        if (n > 1) {
            SparseRows p = TsneAffinities.joint(normalised(x), perplexity);
            Random random = new Random(seed);
            for (int c = 0; c < 2 * n; c++) {
                y[c] = random.nextGaussian() * 1e-4;
            }
            descend(p, y, theta, iterations, Math.max(n / 12.0, 200));
        }
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = new double[] {y[2 * i], y[2 * i + 1]};
        }
        return out;
    }

    private static void descend(SparseRows p, double[] y, double theta, int iterations, double eta) {
        double[] grad = new double[y.length];
        double[] update = new double[y.length];
        double[] gains = new double[y.length];
        Arrays.fill(gains, 1);
        for (int it = 0; it < iterations; it++) {
            double exaggeration = it < EXAGGERATION_STEPS ? EXAGGERATION : 1;
            double momentum = it < MOMENTUM_SWITCH ? 0.5 : 0.8;
            TsneGradient.compute(p, y, theta, exaggeration, grad);
            for (int c = 0; c < y.length; c++) {
                gains[c] = Math.signum(grad[c]) != Math.signum(update[c]) ? gains[c] + 0.2 : gains[c] * 0.8;
                gains[c] = Math.max(gains[c], 0.01);
                update[c] = momentum * update[c] - eta * gains[c] * grad[c];
                y[c] += update[c];
            }
            centre(y);
        }
    }

    private static void centre(double[] y) {
        int n = y.length / 2;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += y[2 * i];
            my += y[2 * i + 1];
        }
        mx /= n;
        my /= n;
        for (int i = 0; i < n; i++) {
            y[2 * i] -= mx;
            y[2 * i + 1] -= my;
        }
    }

    /** x centred per column and divided by its largest absolute value (bhtsne), as doubles. */
    static double[][] normalised(float[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        for (float[] row : x) {
            if (row.length != d) {
                throw new IllegalArgumentException("t-SNE input rows differ in length");
            }
            for (int c = 0; c < d; c++) {
                if (!Float.isFinite(row[c])) {
                    throw new IllegalArgumentException("t-SNE input has a non-finite value");
                }
                mean[c] += row[c];
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= n;
        }
        double[][] out = new double[n][d];
        double max = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                out[i][c] = x[i][c] - mean[c];
                max = Math.max(max, Math.abs(out[i][c]));
            }
        }
        if (max > 0) {
            for (double[] row : out) {
                for (int c = 0; c < d; c++) {
                    row[c] /= max;
                }
            }
        }
        return out;
    }
}
