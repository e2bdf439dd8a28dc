package org.dclust.framework.metrics;

import java.util.Arrays;
import org.dclust.api.DclustException;

/**
 * Validated input of an internal index: points of one dimension, each with a cluster, the cluster ids
 * renumbered 0..k-1 in ascending order of the original ids.
 */
final class PointAssignment {
    final float[][] points;
    final int[] labels;
    final int clusters;
    final int[] sizes;
    final int dimension;

    private PointAssignment(float[][] points, int[] labels, int clusters, int dimension) {
        this.points = points;
        this.labels = labels;
        this.clusters = clusters;
        this.dimension = dimension;
        this.sizes = new int[clusters];
        for (int label : labels) {
            sizes[label]++;
        }
    }

    /**
     * @throws DclustException if points or assignment are missing or empty, their lengths differ, or the
     *     rows differ in length
     */
    static PointAssignment of(float[][] points, int[] assignment) {
        if (points == null || assignment == null) {
            throw new DclustException("cannot compute an internal index: " + (points == null ? "points" : "assignment")
                    + " missing");
        }
        if (points.length != assignment.length) {
            throw new DclustException("there are " + points.length + " points but the assignment has "
                    + assignment.length + " labels; both must cover the same samples");
        }
        if (points.length == 0) {
            throw new DclustException("cannot compute an internal index on no points");
        }
        int dimension = points[0].length;
        for (int i = 0; i < points.length; i++) {
            if (points[i] == null || points[i].length != dimension) {
                throw new DclustException("point " + i + " has " + (points[i] == null ? 0 : points[i].length)
                        + " values but point 0 has " + dimension);
            }
        }
        int[] ids = Arrays.stream(assignment).sorted().distinct().toArray();
        int[] labels = new int[assignment.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Arrays.binarySearch(ids, assignment[i]);
        }
        return new PointAssignment(points, labels, ids.length, dimension);
    }

    /** Whether an index is defined here: at least 2 clusters and fewer clusters than points. */
    boolean indexDefined() {
        return clusters >= 2 && clusters < points.length;
    }

    /** The mean of each cluster, in double precision. */
    double[][] centroids() {
        double[][] c = new double[clusters][dimension];
        for (int i = 0; i < points.length; i++) {
            double[] row = c[labels[i]];
            for (int d = 0; d < dimension; d++) {
                row[d] += points[i][d];
            }
        }
        for (int k = 0; k < clusters; k++) {
            for (int d = 0; d < dimension; d++) {
                c[k][d] /= sizes[k];
            }
        }
        return c;
    }

    /** Euclidean distance between a point and a vector. */
    static double distance(float[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            double diff = a[d] - b[d];
            s += diff * diff;
        }
        return Math.sqrt(s);
    }
}
