package org.dclust.refiners.proximity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The dual filter on a hand-made 2-nearest-neighbour graph of five points:
 *
 * <pre>
 *   0 → 1, 2     1 → 0, 2     2 → 3, 0     3 → 2, 4     4 → 3, 1
 * </pre>
 *
 * Mutual links: 0–1, 0–2, 2–3, 3–4 (each counted from both ends: 8 of the 10 links); 1 → 2 and
 * 4 → 1 are one-way. So the trusted links per point are 2, 1, 2, 2, 1.
 */
class DualFilterTest {
    static final KnnGraph GRAPH = new KnnGraph(new int[][] {{1, 2}, {0, 2}, {3, 0}, {2, 4}, {3, 1}});
    /** Codes (i, 10 i): a centroid's second coordinate is ten times its first. */
    static final float[][] CODES = {{0, 0}, {1, 10}, {2, 20}, {3, 30}, {4, 40}};

    @Test
    void mutualLinksAndReliableSamples() {
        DualFilter.Result r = new DualFilter(DualFilter.Links.MUTUAL, 2).apply(GRAPH);
        assertThat(r.trusted()).isDeepEqualTo(new boolean[][] {{true, true}, {true, false}, {true, true}, {true, true}, {true, false}});
        assertThat(r.reliable()).containsExactly(true, false, true, true, false);
        assertThat(r.mutualRate()).isEqualTo(0.8);
        assertThat(r.keptShare()).isEqualTo(0.6);
    }

    @Test
    void centroidsOfTrustedNeighbours() {
        float[][] c = new DualFilter(DualFilter.Links.MUTUAL, 2).apply(GRAPH).centroids(CODES);
        assertThat(c[0]).containsExactly(1.5f, 15f); // trusted 1 and 2
        assertThat(c[1]).containsExactly(1f, 10f); // unreliable: its own code
        assertThat(c[2]).containsExactly(1.5f, 15f); // trusted 3 and 0
        assertThat(c[3]).containsExactly(3f, 30f); // trusted 2 and 4
        assertThat(c[4]).containsExactly(4f, 40f); // unreliable
        // with one trusted link enough, point 1's target is point 0 alone, point 4's point 3 alone
        float[][] one = new DualFilter(DualFilter.Links.MUTUAL, 1).apply(GRAPH).centroids(CODES);
        assertThat(one[1]).containsExactly(0f, 0f);
        assertThat(one[4]).containsExactly(3f, 30f);
    }

    /**
     * Two hops: the centroid of the trusted neighbours' one-hop targets. Point 0: (t₁ + t₂) / 2 =
     * ((1, 10) + (1.5, 15)) / 2; point 2: (t₃ + t₀) / 2 = ((3, 30) + (1.5, 15)) / 2; point 3: (t₂ + t₄) / 2
     * = ((1.5, 15) + (4, 40)) / 2; the unreliable 1 and 4 keep their codes.
     */
    @Test
    void twoHopsTakeTheCentroidOfTheNeighboursTargets() {
        DualFilter.Result r = new DualFilter(DualFilter.Links.MUTUAL, 2).apply(GRAPH);
        float[][] two = NeighbourTargets.targets(r, CODES, 2);
        assertThat(two[0]).containsExactly(1.25f, 12.5f);
        assertThat(two[1]).containsExactly(1f, 10f);
        assertThat(two[2]).containsExactly(2.25f, 22.5f);
        assertThat(two[3]).containsExactly(2.75f, 27.5f);
        assertThat(two[4]).containsExactly(4f, 40f);
        assertThat(NeighbourTargets.targets(r, CODES, 1)).isDeepEqualTo(r.centroids(CODES));
    }

    @Test
    void withoutTheLinkFilterEveryLinkIsTrusted() {
        DualFilter.Result r = new DualFilter(DualFilter.Links.ALL, 2).apply(GRAPH);
        assertThat(r.reliable()).containsOnly(true);
        assertThat(r.keptShare()).isEqualTo(1.0);
        assertThat(r.mutualRate()).as("reported whatever the rule").isEqualTo(0.8);
        assertThat(r.centroids(CODES)[1]).containsExactly(1f, 10f); // 0 and 2
        assertThat(r.centroids(CODES)[4]).containsExactly(2f, 20f); // 3 and 1
    }

    @Test
    void minTrustedZeroStillAsksForOneTrustedLink() {
        KnnGraph lonely = new KnnGraph(new int[][] {{1}, {0}, {0}});
        DualFilter.Result r = new DualFilter(DualFilter.Links.MUTUAL, 0).apply(lonely);
        assertThat(r.reliable()).containsExactly(true, true, false);
        assertThat(r.mutualRate()).isEqualTo(2 / 3.0);
    }
}
