package org.dclust.framework.metrics;

import java.util.Arrays;
import org.dclust.api.DclustException;

/**
 * The contingency table of two labelings: how many samples of each true class fall in each predicted
 * cluster. Ids may be arbitrary ints (they need not be contiguous); rows are the distinct true ids
 * in ascending order, columns the distinct predicted ids in ascending order. Only non-zero cells are
 * stored, so a table of many clusters by many classes costs memory in proportion to the samples.
 */
public final class ConfusionMatrix {
    private final int[] classIds;
    private final int[] clusterIds;
    private final long[] classSizes;
    private final long[] clusterSizes;
    /** Non-zero cells sorted by row, then column: row * clusterCount + column. */
    private final long[] cellKeys;
    private final long[] cellCounts;
    private final long total;

    private ConfusionMatrix(int[] classIds, int[] clusterIds, long[] cellKeys, long[] cellCounts, long total) {
        this.classIds = classIds;
        this.clusterIds = clusterIds;
        this.cellKeys = cellKeys;
        this.cellCounts = cellCounts;
        this.total = total;
        this.classSizes = new long[classIds.length];
        this.clusterSizes = new long[clusterIds.length];
        for (int c = 0; c < cellKeys.length; c++) {
            classSizes[rowOf(c)] += cellCounts[c];
            clusterSizes[columnOf(c)] += cellCounts[c];
        }
    }

    /**
     * Tabulates two labelings of the same samples.
     *
     * @throws DclustException if either is null or empty, or their lengths differ
     */
    public static ConfusionMatrix of(int[] truth, int[] predicted) {
        requireSameLength(truth, predicted);
        int[] classIds = distinct(truth);
        int[] clusterIds = distinct(predicted);
        long[] keys = new long[truth.length];
        for (int i = 0; i < truth.length; i++) {
            long row = Arrays.binarySearch(classIds, truth[i]);
            long col = Arrays.binarySearch(clusterIds, predicted[i]);
            keys[i] = row * clusterIds.length + col;
        }
        Arrays.sort(keys);
        int cells = 0;
        long[] cellKeys = new long[keys.length];
        long[] cellCounts = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            if (cells == 0 || cellKeys[cells - 1] != keys[i]) {
                cellKeys[cells++] = keys[i];
            }
            cellCounts[cells - 1]++;
        }
        return new ConfusionMatrix(classIds, clusterIds, Arrays.copyOf(cellKeys, cells),
                Arrays.copyOf(cellCounts, cells), truth.length);
    }

    /**
     * Throws unless both labelings are non-empty and of the same length.
     *
     * @throws DclustException naming both lengths, for example "truth has 10 labels but predicted has 9"
     */
    public static void requireSameLength(int[] truth, int[] predicted) {
        if (truth == null || predicted == null) {
            throw new DclustException("cannot score a clustering: " + (truth == null ? "truth" : "predicted")
                    + " labels are missing");
        }
        if (truth.length != predicted.length) {
            throw new DclustException("truth has " + truth.length + " labels but predicted has "
                    + predicted.length + "; both must label the same samples");
        }
        if (truth.length == 0) {
            throw new DclustException("cannot score a clustering of no samples: truth and predicted are empty");
        }
    }

    private static int[] distinct(int[] labels) {
        return Arrays.stream(labels).sorted().distinct().toArray();
    }

    /** Number of samples. */
    public long total() {
        return total;
    }

    /** Number of distinct true classes (rows). */
    public int classCount() {
        return classIds.length;
    }

    /** Number of distinct predicted clusters (columns). */
    public int clusterCount() {
        return clusterIds.length;
    }

    /** The true class id of a row. */
    public int classId(int row) {
        return classIds[row];
    }

    /** The predicted cluster id of a column. */
    public int clusterId(int column) {
        return clusterIds[column];
    }

    /** Samples in a true class (row sum). */
    public long classSize(int row) {
        return classSizes[row];
    }

    /** Samples in a predicted cluster (column sum). */
    public long clusterSize(int column) {
        return clusterSizes[column];
    }

    /** Samples of class {@code row} in cluster {@code column}. */
    public long count(int row, int column) {
        int at = Arrays.binarySearch(cellKeys, (long) row * clusterIds.length + column);
        return at < 0 ? 0 : cellCounts[at];
    }

    /** Number of non-zero cells; index them with {@link #rowOf}, {@link #columnOf}, {@link #cellCount}. */
    public int nonZeroCells() {
        return cellKeys.length;
    }

    /** Row of the i-th non-zero cell. */
    public int rowOf(int cell) {
        return (int) (cellKeys[cell] / clusterIds.length);
    }

    /** Column of the i-th non-zero cell. */
    public int columnOf(int cell) {
        return (int) (cellKeys[cell] % clusterIds.length);
    }

    /** Count of the i-th non-zero cell. */
    public long cellCount(int cell) {
        return cellCounts[cell];
    }

    /** The full table as doubles, [class row][cluster column]. */
    public double[][] toDense() {
        double[][] dense = new double[classIds.length][clusterIds.length];
        for (int c = 0; c < cellKeys.length; c++) {
            dense[rowOf(c)][columnOf(c)] = cellCounts[c];
        }
        return dense;
    }
}
