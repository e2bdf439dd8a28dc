package org.dclust.framework.metrics;

import org.dclust.api.spi.MetricProvider;

/**
 * {@code f1-micro}: micro-averaged F1 after the ACC mapping ({@link MappedLabels}). Every sample gets
 * exactly one predicted label (its mapped class, or a "no class" label for a surplus cluster, averaged
 * in like any other label, as scikit-learn's {@code f1_score(average="micro")} does), so micro precision,
 * micro recall and micro F1 all equal the clustering accuracy: this metric always equals {@code acc}.
 */
public final class F1MicroMetric implements MetricProvider {
    @Override
    public String name() {
        return "f1-micro";
    }

    @Override
    public String title() {
        return "Micro-averaged F1 after the ACC mapping (equals ACC)";
    }

    @Override
    public double score(int[] truth, int[] predicted) {
        return MappedLabels.of(truth, predicted).accuracy();
    }
}
