package org.dclust.testkit;

import org.dclust.api.toolkit.HungarianAlgorithm;

/**
 * Clustering scores for plugin tests: ACC (the shared {@link HungarianAlgorithm}) and NMI. The metrics proper live in the
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
        double[][] count = new double[n][n];
        for (int i = 0; i < truth.length; i++) {
            count[pred[i]][truth[i]]++;
        }
        int[] classOf = HungarianAlgorithm.maximize(count);
        long matched = 0;
        for (int k = 0; k < n; k++) {
            if (classOf[k] >= 0) {
                matched += (long) count[k][classOf[k]];
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
