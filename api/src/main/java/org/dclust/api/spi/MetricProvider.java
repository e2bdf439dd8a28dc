package org.dclust.api.spi;

/**
 * An external clustering metric: compares predicted cluster ids with true labels. Labels are only
 * ever used for such reporting, never in training or model selection.
 */
public interface MetricProvider extends PluginInfo {
    /**
     * Scores a clustering.
     *
     * @param truth true class per sample
     * @param predicted cluster id per sample (any non-negative ids; their number may differ)
     */
    double score(int[] truth, int[] predicted);
}
