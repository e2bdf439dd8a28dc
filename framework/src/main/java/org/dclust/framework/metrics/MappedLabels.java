package org.dclust.framework.metrics;

import org.dclust.api.toolkit.HungarianAlgorithm;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.dclust.api.DclustException;

/**
 * The best one-to-one mapping of predicted clusters to true classes: the assignment of maximum total
 * overlap on the {@link ConfusionMatrix}, found by the {@link HungarianAlgorithm}. When there are more
 * clusters than classes, the surplus clusters map to no class (their samples count as errors); when
 * there are fewer, some classes receive no cluster. ACC and the F1 scores are computed from it, and
 * the framework uses it to relabel predictions for reports.
 */
public final class MappedLabels {
    /** The largest clusters x classes table the mapping will solve (the solver is cubic). */
    static final long MAX_CELLS = 25_000_000L;

    private final ConfusionMatrix confusion;
    private final int[] rowOfColumn;
    private final int[] columnOfRow;
    private final long matched;
    private final int[] clusterIds;

    private MappedLabels(ConfusionMatrix confusion, int[] rowOfColumn, int[] columnOfRow, long matched) {
        this.confusion = confusion;
        this.clusterIds = new int[confusion.clusterCount()];
        for (int c = 0; c < clusterIds.length; c++) {
            clusterIds[c] = confusion.clusterId(c);
        }
        this.rowOfColumn = rowOfColumn;
        this.columnOfRow = columnOfRow;
        this.matched = matched;
    }

    /**
     * Maps the clusters of {@code predicted} to the classes of {@code truth}.
     *
     * @throws DclustException if the labelings are empty or of different lengths
     */
    public static MappedLabels of(int[] truth, int[] predicted) {
        return of(ConfusionMatrix.of(truth, predicted));
    }

    /**
     * Maps the clusters of a confusion matrix to its classes.
     *
     * @throws DclustException if there are too many clusters and classes for the cubic solver
     */
    public static MappedLabels of(ConfusionMatrix cm) {
        int classes = cm.classCount();
        int clusters = cm.clusterCount();
        if ((long) classes * clusters > MAX_CELLS) {
            throw new DclustException("cannot map " + clusters + " clusters to " + classes
                    + " classes: the table is too large for the Hungarian algorithm; reduce the number of clusters");
        }
        int[] columnOfRow = HungarianAlgorithm.maximize(cm.toDense());
        int[] rowOfColumn = new int[clusters];
        Arrays.fill(rowOfColumn, -1);
        long matched = 0;
        for (int row = 0; row < classes; row++) {
            if (columnOfRow[row] >= 0) {
                rowOfColumn[columnOfRow[row]] = row;
                matched += cm.count(row, columnOfRow[row]);
            }
        }
        return new MappedLabels(cm, rowOfColumn, columnOfRow, matched);
    }

    /** The confusion matrix the mapping was solved on. */
    public ConfusionMatrix confusion() {
        return confusion;
    }

    /** Samples whose cluster maps to their own class: the diagonal of the mapped table. */
    public long matched() {
        return matched;
    }

    /** Clustering accuracy: {@link #matched()} over all samples. */
    public double accuracy() {
        return (double) matched / confusion.total();
    }

    /** Cluster id to class id, in ascending cluster order, for every cluster that maps to a class. */
    public Map<Integer, Integer> clusterToClass() {
        Map<Integer, Integer> map = new TreeMap<>();
        for (int col = 0; col < rowOfColumn.length; col++) {
            if (rowOfColumn[col] >= 0) {
                map.put(confusion.clusterId(col), confusion.classId(rowOfColumn[col]));
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** The class a cluster id maps to, or empty for a surplus cluster or an id never predicted. */
    public OptionalInt classOf(int clusterId) {
        int col = Arrays.binarySearch(clusterIds, clusterId);
        return col < 0 || rowOfColumn[col] < 0 ? OptionalInt.empty() : OptionalInt.of(confusion.classId(rowOfColumn[col]));
    }

    /**
     * Relabels predictions with the class their cluster maps to.
     *
     * @param unmapped the value written for samples whose cluster maps to no class
     */
    public int[] apply(int[] predicted, int unmapped) {
        int[] out = new int[predicted.length];
        for (int i = 0; i < predicted.length; i++) {
            int col = Arrays.binarySearch(clusterIds, predicted[i]);
            out[i] = col < 0 || rowOfColumn[col] < 0 ? unmapped : confusion.classId(rowOfColumn[col]);
        }
        return out;
    }

    /** The column of the cluster mapped to a class row, or -1 if the class received none. */
    int columnOfRow(int row) {
        return columnOfRow[row];
    }
}
