package org.dclust.framework.metrics;

import org.dclust.api.spi.MetricProvider;

/**
 * {@code ari}: adjusted Rand index, computed from the pair confusion matrix as scikit-learn's
 * {@code adjusted_rand_score} does. It is 1 when no pair of samples is split differently by the two
 * labelings (identical partitions up to renaming, a single sample, or both labelings all-singleton),
 * about 0 for independent labelings, and may be negative.
 */
public final class AriMetric implements MetricProvider {
    @Override
    public String name() {
        return "ari";
    }

    @Override
    public String title() {
        return "Adjusted Rand index";
    }

    @Override
    public double score(int[] truth, int[] predicted) {
        ConfusionMatrix cm = ConfusionMatrix.of(truth, predicted);
        long n = cm.total();
        long sumSquares = 0;
        for (int c = 0; c < cm.nonZeroCells(); c++) {
            sumSquares += cm.cellCount(c) * cm.cellCount(c);
        }
        long classSquares = 0;
        for (int r = 0; r < cm.classCount(); r++) {
            classSquares += cm.classSize(r) * cm.classSize(r);
        }
        long clusterSquares = 0;
        for (int k = 0; k < cm.clusterCount(); k++) {
            clusterSquares += cm.clusterSize(k) * cm.clusterSize(k);
        }
        // Ordered pairs: together in both, apart in truth only together in predicted, and so on.
        double tp = sumSquares - n;
        double fp = clusterSquares - sumSquares;
        double fn = classSquares - sumSquares;
        double tn = (double) n * n - fp - fn - sumSquares;
        if (fn == 0 && fp == 0) {
            return 1.0;
        }
        return 2.0 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
    }
}
