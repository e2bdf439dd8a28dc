package org.dclust.framework.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** K without labels: synthetic data with known K, the gap rule and the combining rule by hand. */
class KEstimatorTest {
    /**
     * K Gaussian blobs (sd 1) of unequal sizes (30 to 90 points) around centres drawn in [-12, 12]^6,
     * lifted into 50 dimensions by a random linear map, plus noise of sd 0.1 in all 50.
     */
    static float[][] blobs(int k, long seed) {
        Random r = new Random(seed);
        int low = 6;
        double[][] centres = new double[k][low];
        for (double[] c : centres) {
            for (int j = 0; j < low; j++) {
                c[j] = -12 + 24 * r.nextDouble();
            }
        }
        double[][] lift = new double[low][50];
        for (double[] row : lift) {
            for (int j = 0; j < 50; j++) {
                row[j] = r.nextGaussian() / Math.sqrt(low);
            }
        }
        List<float[]> out = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            int size = 30 + r.nextInt(61);
            for (int i = 0; i < size; i++) {
                double[] p = new double[low];
                for (int j = 0; j < low; j++) {
                    p[j] = centres[c][j] + r.nextGaussian();
                }
                float[] x = new float[50];
                for (int j = 0; j < 50; j++) {
                    double v = 0.1 * r.nextGaussian();
                    for (int t = 0; t < low; t++) {
                        v += p[t] * lift[t][j];
                    }
                    x[j] = (float) v;
                }
                out.add(x);
            }
        }
        return out.toArray(new float[0][]);
    }

    @Test
    void findsTheNumberOfBlobsInAtLeastFourOfFiveCasesFromThreeToTwelve() {
        int hits = 0;
        int total = 0;
        StringBuilder misses = new StringBuilder();
        for (int k = 3; k <= 12; k++) {
            for (long seed = 1; seed <= 5; seed++) {
                KEstimate e = KEstimator.estimate(blobs(k, seed * 100 + k), 2, 15, seed);
                total++;
                if (e.k() == k) {
                    hits++;
                } else {
                    misses.append("K=").append(k).append(" seed ").append(seed).append(": ").append(e.reason()).append('\n');
                }
            }
        }
        System.out.println("K estimation: " + hits + " of " + total + " right\n" + misses);
        assertThat((double) hits / total).as(misses.toString()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void theEstimateIsTheSameForTheSameSeedAndHasACurveOverTheRange() {
        float[][] x = blobs(4, 7);
        KEstimate a = KEstimator.estimate(x, 2, 8, 3);
        KEstimate b = KEstimator.estimate(x, 2, 8, 3);
        assertThat(a).usingRecursiveComparison().isEqualTo(b);
        assertThat(a.ks()).containsExactly(2, 3, 4, 5, 6, 7, 8);
        assertThat(a.curves().get("silhouette")).hasSize(7);
        assertThat(a.curves().get("gap")).hasSize(7);
        assertThat(a.reason()).contains("K = " + a.k());
    }

    @Test
    void tibshiranisRuleTakesTheSmallestKWhoseGapIsWithinOneStandardErrorOfTheNext() {
        // Gap: 0.1, 0.5, 0.55, 0.56; s: 0.05 each: K index 1 since 0.5 >= 0.55 - 0.05
        assertThat(KEstimator.gapChoice(new double[] {0.1, 0.5, 0.55, 0.56}, new double[] {0.05, 0.05, 0.05, 0.05})).isEqualTo(1);
        // always rising by more than s: the last
        assertThat(KEstimator.gapChoice(new double[] {0.1, 0.3, 0.5}, new double[] {0.01, 0.01, 0.01})).isEqualTo(2);
    }

    @Test
    void mostVotesWinAndATieGoesToTheHigherSilhouette() {
        Map<String, Integer> votes = new LinkedHashMap<>();
        votes.put("silhouette", 3);
        votes.put("calinski-harabasz", 5);
        votes.put("davies-bouldin", 3);
        votes.put("gap", 5);
        double[] silhouette = {0.2, 0.6, 0.1, 0.5}; // K = 2..5
        KEstimate e = KEstimator.combine(votes, Map.of(), silhouette, 2, 5, 0, 1);
        assertThat(e.k()).isEqualTo(3);
        assertThat(e.reason()).startsWith("a tie between K = 3, 5 (2 of 4 votes each) went to K = 3, the highest silhouette among them")
                .endsWith("DBSCAN found 0 clusters, outside the range; the 10-nearest-neighbour graph has 1 component, outside the"
                        + " range");
        votes.put("dbscan", 5);
        KEstimate withDbscan = KEstimator.combine(votes, Map.of(), silhouette, 2, 5, 5, 1);
        assertThat(withDbscan.k()).isEqualTo(5);
        assertThat(withDbscan.reason()).startsWith("3 of 5 methods chose K = 5; votes {");
        // a graph count in the range decides, however the others vote
        votes.put("graph", 2);
        KEstimate withGraph = KEstimator.combine(votes, Map.of(), silhouette, 2, 5, 5, 2);
        assertThat(withGraph.k()).isEqualTo(2);
        assertThat(withGraph.reason()).startsWith("K = 2: the 10-nearest-neighbour graph of the codes splits into 2 components");
    }

    /** Two interleaving half circles (noise sd {@code noise}), alternating points. */
    static float[][] moons(int n, double noise, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[n][];
        for (int i = 0; i < n; i++) {
            double t = Math.PI * r.nextDouble();
            x[i] = i % 2 == 0 ? new float[] {(float) (Math.cos(t) + noise * r.nextGaussian()), (float) (Math.sin(t) + noise * r.nextGaussian())}
                    : new float[] {(float) (1 - Math.cos(t) + noise * r.nextGaussian()), (float) (0.5 - Math.sin(t) + noise * r.nextGaussian())};
        }
        return x;
    }

    /** Two concentric circles of radius 1 and 0.4 (noise sd {@code noise}), alternating points. */
    static float[][] rings(int n, double noise, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[n][];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * r.nextDouble();
            double radius = i % 2 == 0 ? 1.0 : 0.4;
            x[i] = new float[] {(float) (radius * Math.cos(t) + noise * r.nextGaussian()),
                    (float) (radius * Math.sin(t) + noise * r.nextGaussian())};
        }
        return x;
    }

    /**
     * Moons and rings: K = 2 on every seed. The k-means indices alone split them (measured before the
     * graph count existed: silhouette chose 7-15, Calinski-Harabasz 15, and the vote 7-15 on all ten).
     */
    @Test
    void findsTwoMoonsAndTwoRingsOnEverySeed() {
        for (long seed = 1; seed <= 5; seed++) {
            KEstimate moons = KEstimator.estimate(moons(600, 0.05, seed), 2, 15, seed);
            assertThat(moons.k()).as(moons.reason()).isEqualTo(2);
            KEstimate rings = KEstimator.estimate(rings(600, 0.05, seed), 2, 15, seed);
            assertThat(rings.k()).as(rings.reason()).isEqualTo(2);
            assertThat(rings.votes()).containsEntry("graph", 2);
            assertThat(rings.votes().get("silhouette")).as("the convex indices split the rings").isGreaterThan(2);
        }
    }

    /** The shared neighbour search equals a full sort by (distance, index), duplicates included. */
    @Test
    void nearestNeighboursAreThoseOfAFullSort() {
        java.util.Random r = new java.util.Random(5);
        float[][] x = new float[60][];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 7 == 3 ? x[i - 1].clone() : new float[] {r.nextInt(5), r.nextInt(5), (float) r.nextGaussian()};
        }
        int[][] near = KEstimator.nearest(x, KEstimator.MIN_POINTS);
        for (int i = 0; i < x.length; i++) {
            final int self = i;
            int[] expected = java.util.stream.IntStream.range(0, x.length).filter(j -> j != self).boxed()
                    .sorted(java.util.Comparator.<Integer>comparingDouble(j -> org.dclust.api.toolkit.KMeans.squared(x[self], x[j]))
                            .thenComparingInt(j -> j))
                    .limit(KEstimator.MIN_POINTS).mapToInt(Integer::intValue).toArray();
            assertThat(near[i]).as("point " + i).containsExactly(expected);
        }
        assertThat(KEstimator.nearest(java.util.Arrays.copyOf(x, 4), KEstimator.MIN_POINTS)[0]).hasSize(3);
    }

    /**
     * Components by hand: two groups of 11 points far apart are 2 (each point's 10 nearest are its own
     * group); a far group of 5 outliers is no cluster of its own: its points' nearest include the
     * groups' points, which links it to them.
     */
    @Test
    void theGraphCountsGroupsNoNeighbourLinksJoinAndNotSmallOutlierGroups() {
        float[][] x = new float[27][];
        for (int i = 0; i < 11; i++) {
            x[i] = new float[] {i * 0.1f, 0f};
            x[11 + i] = new float[] {100f + i * 0.1f, 0f};
        }
        assertThat(KEstimator.graphComponents(KEstimator.nearest(java.util.Arrays.copyOf(x, 22), KEstimator.MIN_POINTS))).isEqualTo(2);
        for (int i = 0; i < 5; i++) {
            x[22 + i] = new float[] {i * 0.1f, 30f}; // above the first group, far from the second
        }
        assertThat(KEstimator.graphComponents(KEstimator.nearest(x, KEstimator.MIN_POINTS))).isEqualTo(2);
    }

    @Test
    void aBadRangeIsRefused() {
        assertThatThrownBy(() -> KEstimator.estimate(blobs(3, 1), 1, 5, 1)).hasMessageContaining("2 <= min <= max");
        assertThatThrownBy(() -> KEstimator.estimate(new float[][] {{1}, {2}, {3}}, 2, 5, 1)).hasMessageContaining("at least 5 samples");
    }
}
