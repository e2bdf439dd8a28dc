package org.dclust.framework.report;

import java.util.Arrays;

/**
 * The input affinities of Barnes-Hut t-SNE (van der Maaten 2014, section 4.1): for each point a
 * Gaussian over its {@code k = min(3 * perplexity, n - 1)} nearest neighbours whose precision
 * {@code beta} is found by binary search so that the row's entropy is {@code ln(perplexity)}
 * (conditional {@code p(j|i)}), then symmetrised and normalised, {@code p_ij = (p(j|i) + p(i|j)) / 2n}.
 * Neighbours are found exactly (O(n^2 d), fine for the few thousand points t-SNE is drawn on here).
 */
final class TsneAffinities {
    private static final double TOLERANCE = 1e-5;
    private static final int MAX_STEPS = 200;

    private TsneAffinities() {
    }

    /** The neighbour count for a perplexity on n points. */
    static int neighbours(int n, double perplexity) {
        return (int) Math.max(0, Math.min(n - 1L, (long) (3 * perplexity)));
    }

    /** The symmetric, normalised affinities {@code p_ij}, summing to 1 over all entries. */
    static SparseRows joint(double[][] x, double perplexity) {
        return symmetrise(conditional(x, perplexity));
    }

    /**
     * The conditional affinities {@code p(j|i)}: each row sums to 1 over the point's nearest neighbours
     * and has entropy {@code ln(perplexity)} (within 1e-5 nats) whenever k neighbours allow it.
     */
    static SparseRows conditional(double[][] x, double perplexity) {
        int n = x.length;
        int k = neighbours(n, perplexity);
        int[] start = new int[n + 1];
        int[] col = new int[n * k];
        double[] val = new double[n * k];
        double[] dist = new double[k];
        double[] p = new double[k];
        double target = Math.log(Math.min(perplexity, k));
        NearestNeighbours knn = new NearestNeighbours(x, k);
        for (int i = 0; i < n; i++) {
            int[] nb = knn.of(i, dist);
            rowAffinities(dist, target, p);
            // store with ascending column index (the neighbour order is by distance)
            Integer[] order = new Integer[k];
            for (int m = 0; m < k; m++) {
                order[m] = m;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(nb[a], nb[b]));
            for (int m = 0; m < k; m++) {
                col[i * k + m] = nb[order[m]];
                val[i * k + m] = p[order[m]];
            }
            start[i + 1] = (i + 1) * k;
        }
        return new SparseRows(start, col, val);
    }

    /**
     * Fills {@code p} with the normalised Gaussian over squared distances {@code d2} whose entropy is
     * {@code target} nats (binary search over beta, as in the reference bhtsne). Distances are shifted
     * by the smallest one before exponentiating, which leaves p unchanged but avoids underflow.
     */
    static void rowAffinities(double[] d2, double target, double[] p) {
        int k = d2.length;
        if (k == 0) {
            return;
        }
        double shift = Double.POSITIVE_INFINITY;
        for (double d : d2) {
            shift = Math.min(shift, d);
        }
        double beta = 1;
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double sum = 0;
        for (int step = 0; step < MAX_STEPS; step++) {
            sum = 0;
            double weighted = 0;
            for (int m = 0; m < k; m++) {
                double e = d2[m] - shift;
                p[m] = Math.exp(-beta * e);
                sum += p[m];
                weighted += e * p[m];
            }
            double entropy = Math.log(sum) + beta * weighted / sum;
            double diff = entropy - target;
            if (Math.abs(diff) < TOLERANCE) {
                break;
            }
            if (diff > 0) { // too flat: sharpen
                lo = beta;
                beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = (beta + lo) / 2;
            }
        }
        for (int m = 0; m < k; m++) {
            p[m] /= sum;
        }
    }

    /** {@code (P + P^T) / sum(P + P^T)} with sorted columns per row. */
    static SparseRows symmetrise(SparseRows p) {
        int n = p.rows();
        // transpose by counting
        int[] tStart = new int[n + 1];
        for (int c : p.col()) {
            tStart[c + 1]++;
        }
        for (int i = 0; i < n; i++) {
            tStart[i + 1] += tStart[i];
        }
        int[] tCol = new int[p.col().length];
        double[] tVal = new double[p.col().length];
        int[] fill = Arrays.copyOf(tStart, n);
        for (int i = 0; i < n; i++) {
            for (int e = p.start()[i]; e < p.start()[i + 1]; e++) {
                int at = fill[p.col()[e]]++;
                tCol[at] = i;
                tVal[at] = p.val()[e];
            }
        }
        // merge row i of P with row i of P^T (both sorted by column)
        int[] start = new int[n + 1];
        int[] col = new int[2 * p.col().length];
        double[] val = new double[2 * p.col().length];
        int at = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            int a = p.start()[i];
            int aEnd = p.start()[i + 1];
            int b = tStart[i];
            int bEnd = tStart[i + 1];
            while (a < aEnd || b < bEnd) {
                int ca = a < aEnd ? p.col()[a] : Integer.MAX_VALUE;
                int cb = b < bEnd ? tCol[b] : Integer.MAX_VALUE;
                int c = Math.min(ca, cb);
                double v = 0;
                if (ca == c) {
                    v += p.val()[a++];
                }
                if (cb == c) {
                    v += tVal[b++];
                }
                col[at] = c;
                val[at++] = v;
                total += v;
            }
            start[i + 1] = at;
        }
        for (int e = 0; e < at; e++) {
            val[e] /= total;
        }
        return new SparseRows(start, Arrays.copyOf(col, at), Arrays.copyOf(val, at));
    }
}
