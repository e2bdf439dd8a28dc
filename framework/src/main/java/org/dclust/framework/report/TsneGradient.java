package org.dclust.framework.report;

import java.util.stream.IntStream;

/**
 * The Barnes-Hut t-SNE gradient (van der Maaten 2014, eq. 3 split as in section 4): an attractive term
 * over the sparse input affinities, {@code sum_j p_ij w_ij (y_i - y_j)}, minus a repulsive term from a
 * {@link QuadTree}, {@code sum_j w_ij^2 (y_i - y_j) / Z} with {@code Z = sum_{k != l} w_kl}. Like the
 * reference bhtsne it leaves out the constant factor 4 of the exact gradient (the learning rate absorbs
 * it). Points are processed in parallel, but each point's force and its share of Z are kept apart and
 * summed in index order, so the result does not depend on the thread schedule.
 */
final class TsneGradient {
    private static final int PARALLEL_FROM = 512;

    private TsneGradient() {
    }

    /** Writes into {@code grad} (interleaved 2-D, like y) the gradient at y for affinities p. */
    static void compute(SparseRows p, double[] y, double theta, double exaggeration, double[] grad) {
        int n = y.length / 2;
        QuadTree tree = new QuadTree(y);
        double[] rep = new double[2 * n];
        double[] q = new double[n];
        IntStream points = IntStream.range(0, n);
        (n >= PARALLEL_FROM ? points.parallel() : points).forEach(i -> {
            double[] f = new double[2];
            q[i] = tree.repulsion(i, theta, f);
            rep[2 * i] = f[0];
            rep[2 * i + 1] = f[1];
            attraction(p, y, i, exaggeration, grad);
        });
        double z = 0;
        for (double v : q) {
            z += v;
        }
        for (int c = 0; c < 2 * n; c++) {
            grad[c] -= rep[c] / z;
        }
    }

    private static void attraction(SparseRows p, double[] y, int i, double exaggeration, double[] grad) {
        double xi = y[2 * i];
        double yi = y[2 * i + 1];
        double fx = 0;
        double fy = 0;
        for (int e = p.start()[i]; e < p.start()[i + 1]; e++) {
            int j = p.col()[e];
            double dx = xi - y[2 * j];
            double dy = yi - y[2 * j + 1];
            double w = exaggeration * p.val()[e] / (1 + dx * dx + dy * dy);
            fx += w * dx;
            fy += w * dy;
        }
        grad[2 * i] = fx;
        grad[2 * i + 1] = fy;
    }
}
