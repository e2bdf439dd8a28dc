package org.dclust.framework.select;

import java.util.List;
import java.util.Map;

/**
 * The outcome of estimating K without labels: the chosen K, each method's own choice (its vote), the
 * curve of every index over the range, and one sentence saying why.
 *
 * @param k the chosen number of clusters
 * @param min the smallest K tried
 * @param max the largest K tried
 * @param votes each method's choice by name ({@code silhouette}, {@code calinski-harabasz},
 *     {@code davies-bouldin}, {@code gap}, {@code dbscan}, {@code graph}); a method without an answer in range is absent
 * @param curves each index's value per K in {@code [min, max]} (index 0 is K = min)
 * @param reason how the rule combined the votes
 */
public record KEstimate(int k, int min, int max, Map<String, Integer> votes, Map<String, double[]> curves, String reason) {
    /** The K values tried, in order. */
    public List<Integer> ks() {
        return java.util.stream.IntStream.rangeClosed(min, max).boxed().toList();
    }
}
