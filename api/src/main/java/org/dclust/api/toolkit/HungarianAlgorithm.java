package org.dclust.api.toolkit;

import java.util.Arrays;

/**
 * The Hungarian algorithm (Kuhn-Munkres with row and column potentials and shortest augmenting
 * paths, in the Jonker-Volgenant style) for rectangular assignment problems, in O(r^2 c) time for an
 * r x c matrix with r &lt;= c (the matrix is transposed otherwise). Every row of the smaller side is
 * matched to a distinct column of the larger side; the rest stay unmatched.
 */
public final class HungarianAlgorithm {
    private HungarianAlgorithm() {
    }

    /**
     * Finds an assignment of maximum total weight.
     *
     * @param weights a rectangular matrix of finite values (any number of rows and columns)
     * @return for each row, its column, or -1 for a row left unmatched (only when rows outnumber columns)
     */
    public static int[] maximize(double[][] weights) {
        int rows = checkRectangular(weights);
        int cols = rows == 0 ? 0 : weights[0].length;
        double[][] cost = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                cost[i][j] = -weights[i][j];
            }
        }
        return minimize(cost);
    }

    /**
     * Finds an assignment of minimum total cost.
     *
     * @param cost a rectangular matrix of finite values (any number of rows and columns)
     * @return for each row, its column, or -1 for a row left unmatched (only when rows outnumber columns)
     */
    public static int[] minimize(double[][] cost) {
        int rows = checkRectangular(cost);
        int cols = rows == 0 ? 0 : cost[0].length;
        if (rows == 0 || cols == 0) {
            int[] none = new int[rows];
            Arrays.fill(none, -1);
            return none;
        }
        if (rows <= cols) {
            return solve(cost, rows, cols, false);
        }
        int[] colToRow = solve(cost, cols, rows, true);
        int[] rowToCol = new int[rows];
        Arrays.fill(rowToCol, -1);
        for (int j = 0; j < cols; j++) {
            rowToCol[colToRow[j]] = j;
        }
        return rowToCol;
    }

    /**
     * Assigns each of n "rows" to a distinct one of m &gt;= n "columns"; with {@code transposed}, row i
     * and column j of the problem are column i and row j of {@code a}. Indices 1..n and 1..m, with 0 as
     * the virtual start column of each augmenting path.
     */
    private static int[] solve(double[][] a, int n, int m, boolean transposed) {
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1]; // p[j]: the row matched to column j, 0 if none
        int[] way = new int[m + 1];
        double[] minv = new double[m + 1];
        boolean[] used = new boolean[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = -1;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double c = (transposed ? a[j - 1][i0 - 1] : a[i0 - 1][j - 1]) - u[i0] - v[j];
                        if (c < minv[j]) {
                            minv[j] = c;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] rowToCol = new int[n];
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0) {
                rowToCol[p[j] - 1] = j - 1;
            }
        }
        return rowToCol;
    }

    private static int checkRectangular(double[][] m) {
        if (m == null) {
            throw new IllegalArgumentException("matrix is null");
        }
        int cols = m.length == 0 ? 0 : m[0].length;
        for (double[] row : m) {
            if (row == null || row.length != cols) {
                throw new IllegalArgumentException("matrix rows must all have " + cols + " columns");
            }
            for (double x : row) {
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("matrix holds a non-finite value: " + x);
                }
            }
        }
        return m.length;
    }
}
