package org.dclust.api.toolkit;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the samples spread over the K clusters, without labels: {@value #USED}, how many of the K hold
 * at least one sample, and {@value #LARGEST}, the fraction of the samples in the biggest. A learner
 * or refiner counts its own assignment of each batch as it trains ({@link #add}) and reports
 * {@link #take} at each epoch end, so a collapse (clusters emptying, one cluster swallowing the data)
 * shows as it happens; the framework checks the final assignment with {@link #collapse}.
 *
 * <pre>{@code
 * step: use.add(Distances.squared(z, c).argMin(1));      // or use.add(q.argMax(1))
 * end:  values.putAll(use.take());
 * }</pre>
 */
public final class ClusterUse {
    /** The per-epoch value: how many clusters got at least one of the epoch's samples. */
    public static final String USED = "clustersUsed";
    /** The per-epoch value: the fraction of the epoch's samples in the largest cluster. */
    public static final String LARGEST = "largestShare";

    private final long[] counts;

    /** Counts for {@code k} clusters. */
    public ClusterUse(int k) {
        this.counts = new long[k];
    }

    /** Counts a batch's assignments: integer labels (b) in [0, K). */
    public void add(NDArray assignments) {
        for (long c : assignments.toLongArray()) {
            counts[(int) c]++;
        }
    }

    /**
     * {@link #of} the counts since the last call, then starts again from zero; empty when nothing was
     * counted (an epoch whose batches were all skipped, say after DEC converged), so that no epoch
     * reports zero clusters in use for samples it never assigned.
     */
    public Map<String, Double> take() {
        boolean any = Arrays.stream(counts).anyMatch(c -> c > 0);
        Map<String, Double> out = any ? of(counts) : new LinkedHashMap<>();
        Arrays.fill(counts, 0);
        return out;
    }

    /**
     * {@value #USED} and {@value #LARGEST} (0 when nothing was counted) of per-cluster sample counts.
     */
    public static Map<String, Double> of(long[] counts) {
        long n = 0;
        long largest = 0;
        int used = 0;
        for (long c : counts) {
            n += c;
            largest = Math.max(largest, c);
            used += c > 0 ? 1 : 0;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(USED, (double) used);
        out.put(LARGEST, n == 0 ? 0.0 : (double) largest / n);
        return out;
    }

    /**
     * What is wrong with a final assignment's cluster sizes, or null when they look sound: some of the
     * K clusters are empty, or one holds more than half of the samples (more than 2/K of them when K is
     * below 4, where half is an even share). A method whose loss does not keep clusters apart (DKM at a
     * small α, MNet once q supervises itself) can merge them, and the result is still a valid labelling:
     * the caller warns, the user decides.
     *
     * @return for instance "2 of 10 clusters are empty and the largest holds 41% of the samples [..]"
     */
    public static String collapse(long[] sizes) {
        Map<String, Double> use = of(sizes);
        int empty = sizes.length - use.get(USED).intValue();
        double largest = use.get(LARGEST);
        if (empty == 0 && largest <= Math.max(0.5, 2.0 / sizes.length)) {
            return null;
        }
        return empty + " of " + sizes.length + " clusters are empty and the largest holds " + Math.round(100 * largest)
                + "% of the samples " + Arrays.toString(sizes);
    }
}
