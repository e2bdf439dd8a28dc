package org.dclust.refiners.proximity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * The exact M-nearest-neighbour graph of N points (Euclidean distance), each point's neighbours
 * nearest first, the point itself excluded. Computed by blocked matrix products on the engine: the
 * rows are taken a block at a time, and each block's squared distances to every point less the row's
 * own squared norm (‖z_j‖² − 2 z_i·z_j: one matrix product and one addition, which rank the points as
 * ‖z_i − z_j‖² does) are reduced to their M + 1 smallest at once, so no N × N matrix is ever held
 * ({@value #BLOCK_ELEMENTS} values at most). Exact, not approximate: the
 * only difference from a brute-force search is single-precision rounding, which can swap two
 * neighbours at (almost) equal distances. The points are centred first (their mean subtracted),
 * which keeps that rounding small for codes far from the origin.
 *
 * <p>R-DC's second phase rests on a nearest-neighbour distance matrix in the latent space (its
 * abstract names it as the model's main cost); how the authors compute it is not known. Ties at equal
 * distance fall as the engine's top-k returns them.
 */
public final class KnnGraph {
    /** The most squared distances one block holds (32 MiB of floats). */
    static final int BLOCK_ELEMENTS = 1 << 23;

    private final int[][] neighbours;

    /** A graph of given neighbour lists (N rows of M indices, nearest first). */
    KnnGraph(int[][] neighbours) {
        this.neighbours = neighbours;
    }

    /**
     * The M nearest neighbours of every point.
     *
     * @param points N rows of d coordinates
     * @param m neighbours per point, 1 &lt;= m &lt; N
     * @param parent the manager the work opens its scope under (nothing stays in it)
     */
    public static KnnGraph of(float[][] points, int m, NDManager parent) {
        return of(points, m, parent, BLOCK_ELEMENTS);
    }

    /** {@link #of(float[][], int, NDManager)} with blocks of at most {@code blockElements} distances (tests take small ones). */
    static KnnGraph of(float[][] points, int m, NDManager parent, int blockElements) {
        int n = points.length;
        if (m < 1 || m >= n) {
            throw new IllegalArgumentException("a " + m + "-nearest-neighbour graph needs 1 <= M < N = " + n);
        }
        int d = points[0].length;
        float[] centred = centred(points);
        int block = Math.max(1, Math.min(n, blockElements / n));
        int[][] out = new int[n][];
        try (NDManager scope = parent.newSubManager()) {
            NDArray all = scope.create(centred, new Shape(n, d));
            NDArray columns = all.transpose();
            NDArray norms = all.square().sum(new int[] {1}).reshape(1, n);
            for (int start = 0; start < n; start += block) {
                int end = Math.min(n, start + block);
                try (NDManager blockScope = scope.newSubManager()) {
                    NDArray rows = blockScope.create(Arrays.copyOfRange(centred, start * d, end * d),
                            new Shape(end - start, d));
                    // ‖z_j‖² − 2 z_i·z_j = ‖z_i − z_j‖² − ‖z_i‖² ranks row i's points as the distance does
                    NDArray rank = rows.mul(-2f).matMul(columns).add(norms);
                    NDList top = rank.topK(m + 1, 1, false, true);
                    long[] idx = top.get(1).toLongArray();
                    for (int i = start; i < end; i++) {
                        out[i] = withoutSelf(idx, (i - start) * (m + 1), m, i);
                    }
                }
            }
        }
        return new KnnGraph(out);
    }

    /** The points minus their mean, row-major. */
    private static float[] centred(float[][] points) {
        int n = points.length;
        int d = points[0].length;
        double[] mean = new double[d];
        for (float[] p : points) {
            for (int t = 0; t < d; t++) {
                mean[t] += p[t];
            }
        }
        float[] out = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                out[i * d + t] = (float) (points[i][t] - mean[t] / n);
            }
        }
        return out;
    }

    /**
     * The M of the M + 1 nearest (from {@code off} in {@code idx}) that are not {@code self}: the point
     * itself is dropped where it appears, else the farthest (the point sits among more than M exact
     * duplicates, all at distance 0).
     */
    private static int[] withoutSelf(long[] idx, int off, int m, int self) {
        int[] row = new int[m];
        int at = 0;
        for (int j = 0; j <= m && at < m; j++) {
            if (idx[off + j] != self) {
                row[at++] = (int) idx[off + j];
            }
        }
        return row;
    }

    /** The number of points N. */
    public int size() {
        return neighbours.length;
    }

    /** Neighbours per point M. */
    public int m() {
        return neighbours[0].length;
    }

    /** Point i's M neighbours, nearest first (do not modify). */
    public int[] of(int i) {
        return neighbours[i];
    }

    /** Every point's neighbours (N × M, do not modify). */
    int[][] rows() {
        return neighbours;
    }

    /**
     * Per point, the share of its neighbours in {@code earlier} that are no longer among its
     * neighbours here: 0 when the set is unchanged, 1 when all M were replaced (order within the set
     * does not count). The graphs must have the same N and M.
     */
    public double[] replacedSince(KnnGraph earlier) {
        if (earlier.size() != size() || earlier.m() != m()) {
            throw new IllegalArgumentException("graphs of " + earlier.size() + " x " + earlier.m() + " and " + size() + " x " + m() + " differ");
        }
        double[] out = new double[size()];
        for (int i = 0; i < size(); i++) {
            int kept = 0;
            for (int a : earlier.neighbours[i]) {
                for (int b : neighbours[i]) {
                    if (a == b) {
                        kept++;
                        break;
                    }
                }
            }
            out[i] = 1.0 - (double) kept / m();
        }
        return out;
    }

    /** The mean of {@link #replacedSince}. */
    public double meanReplacedSince(KnnGraph earlier) {
        double s = 0;
        for (double v : replacedSince(earlier)) {
            s += v;
        }
        return s / size();
    }
}
