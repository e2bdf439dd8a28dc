package org.dclust.framework.metrics;

import org.dclust.api.toolkit.HungarianAlgorithm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HungarianAlgorithmTest {
    @Test
    void solvesAClassicSquareProblem() {
        double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        // Minimum: row 0 -> 1, row 1 -> 0, row 2 -> 2, total 1 + 2 + 2 = 5.
        assertThat(HungarianAlgorithm.minimize(cost)).containsExactly(1, 0, 2);
        // Maximum: row 0 -> 0 (4), row 1 -> 2 (5), row 2 -> 1 (2), total 11.
        assertThat(HungarianAlgorithm.maximize(cost)).containsExactly(0, 2, 1);
    }

    @Test
    void leavesSurplusRowsUnmatchedWhenRowsOutnumberColumns() {
        double[][] w = {{1, 0}, {0, 1}, {5, 0}};
        assertThat(HungarianAlgorithm.maximize(w)).containsExactly(-1, 1, 0);
    }

    @Test
    void usesTheBestColumnsWhenColumnsOutnumberRows() {
        double[][] w = {{1, 9, 0, 2}, {8, 9, 0, 0}};
        assertThat(HungarianAlgorithm.maximize(w)).containsExactly(1, 0);
    }

    @Test
    void handlesDegenerateShapes() {
        assertThat(HungarianAlgorithm.maximize(new double[0][0])).isEmpty();
        assertThat(HungarianAlgorithm.maximize(new double[][] {{}, {}})).containsExactly(-1, -1);
        assertThat(HungarianAlgorithm.maximize(new double[][] {{3}})).containsExactly(0);
    }

    @Test
    void matchesBruteForceOnRandomRectangularMatrices() {
        Random random = new Random(11);
        for (int trial = 0; trial < 500; trial++) {
            int rows = 1 + random.nextInt(6);
            int cols = 1 + random.nextInt(6);
            double[][] w = new double[rows][cols];
            for (double[] row : w) {
                for (int j = 0; j < cols; j++) {
                    row[j] = random.nextInt(21) - 10 + (random.nextBoolean() ? 0.5 : 0);
                }
            }
            int[] assignment = HungarianAlgorithm.maximize(w);
            assertThat(assignment).hasSize(rows);
            assertThat(Arrays.stream(assignment).filter(j -> j >= 0).toArray())
                    .hasSize(Math.min(rows, cols)).doesNotHaveDuplicates();
            double total = 0;
            for (int i = 0; i < rows; i++) {
                total += assignment[i] < 0 ? 0 : w[i][assignment[i]];
            }
            assertThat(total).isCloseTo(bestFullMatching(w), within(1e-9));
        }
    }

    /** Maximum weight over matchings that cover the smaller side, by enumeration. */
    private static double bestFullMatching(double[][] w) {
        int rows = w.length;
        int cols = w[0].length;
        if (rows > cols) {
            double[][] t = new double[cols][rows];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    t[j][i] = w[i][j];
                }
            }
            return bestFullMatching(t);
        }
        return best(w, 0, new boolean[cols]);
    }

    private static double best(double[][] w, int row, boolean[] used) {
        if (row == w.length) {
            return 0;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.max(best, w[row][j] + best(w, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }
}
