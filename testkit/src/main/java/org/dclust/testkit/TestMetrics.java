package org.dclust.testkit;

/**
 * Clustering scores for plugin tests: ACC (Hungarian) and NMI. The metrics proper live in the
 * framework, which plugins cannot see; these are the same definitions for test assertions.
 */
public final class TestMetrics {
    private TestMetrics() {
    }

    /** Unsupervised clustering accuracy: the best one-to-one map of clusters to classes (Hungarian method). */
    public static double acc(int[] truth, int[] pred) {
        int n = 0;
        for (int v : truth) {
            n = Math.max(n, v + 1);
        }
        for (int v : pred) {
            n = Math.max(n, v + 1);
        }
        long[][] count = new long[n][n];
        for (int i = 0; i < truth.length; i++) {
            count[pred[i]][truth[i]]++;
        }
        // minimise cost = max - count with the O(n^3) Hungarian algorithm (1-based potentials)
        long max = 0;
        for (long[] row : count) {
            for (long v : row) {
                max = Math.max(max, v);
            }
        }
        long[] u = new long[n + 1];
        long[] v = new long[n + 1];
        int[] p = new int[n + 1];
        int[] way = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            long[] minv = new long[n + 1];
            boolean[] used = new boolean[n + 1];
            java.util.Arrays.fill(minv, Long.MAX_VALUE);
            do {
                used[j0] = true;
                int i0 = p[j0];
                long delta = Long.MAX_VALUE;
                int j1 = 0;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        long cur = (max - count[i0 - 1][j - 1]) - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        long matched = 0;
        for (int j = 1; j <= n; j++) {
            if (p[j] != 0) {
                matched += count[p[j] - 1][j - 1];
            }
        }
        return (double) matched / truth.length;
    }

    /** Normalised mutual information with the arithmetic-mean normaliser (scikit-learn's default). */
    public static double nmi(int[] truth, int[] pred) {
        int n = truth.length;
        java.util.Map<Long, Integer> joint = new java.util.HashMap<>();
        java.util.Map<Integer, Integer> a = new java.util.HashMap<>();
        java.util.Map<Integer, Integer> b = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            joint.merge(((long) truth[i] << 32) | (pred[i] & 0xffffffffL), 1, Integer::sum);
            a.merge(truth[i], 1, Integer::sum);
            b.merge(pred[i], 1, Integer::sum);
        }
        double mi = 0;
        for (var e : joint.entrySet()) {
            int t = (int) (e.getKey() >> 32);
            int q = (int) (long) e.getKey();
            double pxy = e.getValue() / (double) n;
            mi += pxy * Math.log(pxy / ((a.get(t) / (double) n) * (b.get(q) / (double) n)));
        }
        double ha = entropy(a.values(), n);
        double hb = entropy(b.values(), n);
        double denom = (ha + hb) / 2;
        return denom <= 0 ? 1.0 : mi / denom;
    }

    private static double entropy(java.util.Collection<Integer> counts, int n) {
        double h = 0;
        for (int c : counts) {
            double p = c / (double) n;
            h -= p * Math.log(p);
        }
        return h;
    }
}
