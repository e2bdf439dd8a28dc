package org.dclust.refiners.proximity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The blocked kNN graph against a brute-force search in double precision. */
class KnnGraphTest {
    /** N points in d dimensions, Gaussian around {@code offset} in every coordinate. */
    static float[][] points(int n, int d, double offset, long seed) {
        Random r = new Random(seed);
        float[][] p = new float[n][d];
        for (float[] row : p) {
            for (int t = 0; t < d; t++) {
                row[t] = (float) (offset + r.nextGaussian());
            }
        }
        return p;
    }

    /** Each point's M nearest others by sorting every distance, computed in double precision. */
    static int[][] bruteForce(float[][] p, int m) {
        int[][] out = new int[p.length][];
        for (int i = 0; i < p.length; i++) {
            double[] dist = new double[p.length];
            for (int j = 0; j < p.length; j++) {
                for (int t = 0; t < p[i].length; t++) {
                    double diff = (double) p[i][t] - p[j][t];
                    dist[j] += diff * diff;
                }
            }
            int self = i;
            out[i] = IntStream.range(0, p.length).filter(j -> j != self).boxed()
                    .sorted(Comparator.comparingDouble(j -> dist[j])).limit(m).mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    @Test
    void equalsBruteForceInOneBlockAndInManySmallOnes() {
        float[][] p = points(300, 5, 0, 1);
        int[][] expected = bruteForce(p, 7);
        try (NDManager m = NDManager.newBaseManager()) {
            KnnGraph whole = KnnGraph.of(p, 7, m);
            // blocks of 7 rows (the last one shorter): 43 blocks
            KnnGraph blocked = KnnGraph.of(p, 7, m, 7 * 300);
            for (int i = 0; i < p.length; i++) {
                assertThat(whole.of(i)).as("point %d", i).containsExactly(expected[i]);
                assertThat(blocked.of(i)).as("point %d, blocked", i).containsExactly(expected[i]);
            }
            assertThat(whole.size()).isEqualTo(300);
            assertThat(whole.m()).isEqualTo(7);
        }
    }

    /**
     * Codes far from the origin: |a|² − 2a·b + |b|² in single precision would lose the distances in
     * the rounding of |a|² (about 5·10⁸ here, a float's step 32); centred first, they are exact again.
     */
    @Test
    void pointsFarFromTheOriginAreCentredFirst() {
        float[][] p = points(200, 5, 10_000, 2);
        int[][] expected = bruteForce(p, 5);
        try (NDManager m = NDManager.newBaseManager()) {
            KnnGraph g = KnnGraph.of(p, 5, m);
            for (int i = 0; i < p.length; i++) {
                assertThat(g.of(i)).as("point %d", i).containsExactly(expected[i]);
            }
        }
    }

    @Test
    void aPointIsNeverItsOwnNeighbourEvenAmongDuplicates() {
        float[][] p = new float[6][];
        for (int i = 0; i < 6; i++) {
            p[i] = i < 4 ? new float[] {1, 1} : new float[] {5 + i, 0};
        }
        try (NDManager m = NDManager.newBaseManager()) {
            KnnGraph g = KnnGraph.of(p, 3, m);
            for (int i = 0; i < 4; i++) {
                int self = i;
                assertThat(g.of(i)).doesNotContain(self).containsOnly(IntStream.range(0, 4).filter(j -> j != self).toArray());
            }
            assertThat(g.of(5)[0]).isEqualTo(4);
            assertThat(g.of(5)).containsAnyOf(0, 1, 2, 3).doesNotContain(5);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> KnnGraph.of(p, 6, m)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("M < N");
        }
    }

    @Test
    void replacedShareCountsSetsNotOrder() {
        KnnGraph before = new KnnGraph(new int[][] {{1, 2, 3, 4}, {0, 2, 3, 4}});
        KnnGraph after = new KnnGraph(new int[][] {{4, 3, 2, 1}, {0, 5, 6, 4}});
        assertThat(after.replacedSince(before)).containsExactly(0.0, 0.5);
        assertThat(after.meanReplacedSince(before)).isEqualTo(0.25);
        assertThat(Arrays.stream(before.replacedSince(before)).sum()).isZero();
    }
}
