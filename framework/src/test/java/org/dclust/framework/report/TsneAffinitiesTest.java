package org.dclust.framework.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TsneAffinitiesTest {
    private static double[][] random(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int c = 0; c < d; c++) {
                row[c] = r.nextGaussian() * (c + 1);
            }
        }
        return x;
    }

    @Test
    void conditionalRowsReachThePerplexity() {
        for (double perplexity : new double[] {2, 5, 12.5}) {
            double[][] x = random(60, 5, 3);
            SparseRows p = TsneAffinities.conditional(x, perplexity);
            for (int i = 0; i < 60; i++) {
                double sum = 0;
                double entropy = 0;
                for (int e = p.start()[i]; e < p.start()[i + 1]; e++) {
                    double v = p.val()[e];
                    sum += v;
                    entropy -= v > 0 ? v * Math.log(v) : 0;
                    assertThat(p.col()[e]).isNotEqualTo(i);
                }
                assertThat(p.start()[i + 1] - p.start()[i]).isEqualTo((int) (3 * perplexity));
                assertThat(sum).isCloseTo(1, within(1e-12));
                assertThat(entropy).as("row %d at perplexity %s", i, perplexity).isCloseTo(Math.log(perplexity), within(1e-3));
            }
        }
    }

    @Test
    void neighboursAreTheNearestPoints() {
        double[][] x = random(40, 3, 4);
        NearestNeighbours knn = new NearestNeighbours(x, 7);
        double[] d2 = new double[7];
        for (int i = 0; i < 40; i++) {
            int fi = i;
            int[] expected = IntStream.range(0, 40).filter(j -> j != fi).boxed()
                    .sorted(Comparator.comparingDouble(j -> sq(x[fi], x[j]))).limit(7).mapToInt(Integer::intValue).toArray();
            assertThat(knn.of(i, d2)).containsExactly(expected);
            assertThat(d2[0]).isCloseTo(sq(x[i], x[expected[0]]), within(1e-12));
        }
    }

    @Test
    void jointAffinitiesAreSymmetricAndSumToOne() {
        double[][] x = random(50, 4, 5);
        SparseRows p = TsneAffinities.joint(x, 5);
        double[][] dense = new double[50][50];
        for (int i = 0; i < 50; i++) {
            for (int e = p.start()[i]; e < p.start()[i + 1]; e++) {
                dense[i][p.col()[e]] = p.val()[e];
                if (e > p.start()[i]) {
                    assertThat(p.col()[e]).isGreaterThan(p.col()[e - 1]);
                }
            }
        }
        double total = Arrays.stream(dense).flatMapToDouble(Arrays::stream).sum();
        assertThat(total).isCloseTo(1, within(1e-12));
        SparseRows c = TsneAffinities.conditional(x, 5);
        for (int i = 0; i < 50; i++) {
            for (int j = 0; j < 50; j++) {
                assertThat(dense[i][j]).isEqualTo(dense[j][i]);
                assertThat(dense[i][j]).isCloseTo((at(c, i, j) + at(c, j, i)) / 100, within(1e-15));
            }
        }
    }

    private static double at(SparseRows p, int i, int j) {
        for (int e = p.start()[i]; e < p.start()[i + 1]; e++) {
            if (p.col()[e] == j) {
                return p.val()[e];
            }
        }
        return 0;
    }

    private static double sq(double[] a, double[] b) {
        double s = 0;
        for (int c = 0; c < a.length; c++) {
            s += (a[c] - b[c]) * (a[c] - b[c]);
        }
        return s;
    }
}
