package org.dclust.api.spi;

/**
 * An internal validity index: scores an assignment on the latent vectors alone, without labels, so a
 * user without labels still gets figures.
 */
public interface InternalIndexProvider extends PluginInfo {
    /**
     * @param points latent vectors, one row per sample
     * @param assignment cluster id per sample
     * @param seed for indices that subsample large data
     * @return the index value, or NaN where undefined (a single cluster)
     */
    double score(float[][] points, int[] assignment, long seed);

    /** Whether larger values are better (silhouette, Calinski-Harabasz) or smaller (Davies-Bouldin). */
    boolean higherIsBetter();
}
