package org.dclust.api.spi;

/**
 * An external clustering metric: compares predicted cluster ids with true labels. Labels are only
 * ever used for such reporting, never in training or model selection.
 *
 * <p>A metric may measure the latent space against the labels instead (the share of each sample's
 * nearest neighbours in its class, say): it answers {@link #needsLatent()} with true and overrides
 * {@link #score(int[], int[], float[][], long)}. The framework scores it after every run whose data
 * has labels, and leaves it out where there are no latent codes ({@code dclust evaluate} on two files).
 */
public interface MetricProvider extends PluginInfo {
    /**
     * Scores a clustering.
     *
     * @param truth true class per sample
     * @param predicted cluster id per sample (any non-negative ids; their number may differ)
     */
    double score(int[] truth, int[] predicted);

    /** Whether this metric needs the latent codes ({@link #score(int[], int[], float[][], long)}); false by default. */
    default boolean needsLatent() {
        return false;
    }

    /**
     * Scores a clustering with the latent codes at hand; by default {@link #score(int[], int[])},
     * which ignores them.
     *
     * @param latent the latent code of each sample, one row per sample
     * @param seed for metrics that subsample
     */
    default double score(int[] truth, int[] predicted, float[][] latent, long seed) {
        return score(truth, predicted);
    }
}
