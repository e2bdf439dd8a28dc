package org.dclust.framework.metrics;

import java.util.List;
import org.dclust.api.spi.MetricProvider;

/**
 * {@code acc}: clustering accuracy, the share of samples whose cluster maps to their class under the
 * best one-to-one mapping of clusters to classes ({@link MappedLabels}, by the Hungarian algorithm).
 * Samples of clusters that map to no class (when there are more clusters than classes) count as errors.
 */
public final class AccuracyMetric implements MetricProvider {
    @Override
    public String name() {
        return "acc";
    }

    @Override
    public List<String> aliases() {
        return List.of("accuracy");
    }

    @Override
    public String title() {
        return "Clustering accuracy under the best one-to-one cluster-to-class mapping (Hungarian)";
    }

    @Override
    public double score(int[] truth, int[] predicted) {
        return MappedLabels.of(truth, predicted).accuracy();
    }
}
