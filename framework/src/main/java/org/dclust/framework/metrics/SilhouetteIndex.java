package org.dclust.framework.metrics;

import java.util.stream.IntStream;
import org.dclust.api.spi.InternalIndexProvider;
import org.dclust.api.toolkit.Batches;

/**
 * {@code silhouette}: the mean silhouette coefficient with Euclidean distances, as scikit-learn's
 * {@code silhouette_score} (a point alone in its cluster scores 0). The cost is quadratic, so when there
 * are more than {@value #SAMPLE_SIZE} points the index is computed on a random sample of
 * {@value #SAMPLE_SIZE} of them, drawn without replacement with {@code java.util.Random(seed)}. Higher
 * is better; NaN when the (sampled) points form fewer than 2 clusters or every point is its own cluster.
 */
public final class SilhouetteIndex implements InternalIndexProvider {
    /** The most points the index is computed on; larger inputs are subsampled. */
    public static final int SAMPLE_SIZE = 5000;

    @Override
    public String name() {
        return "silhouette";
    }

    @Override
    public String title() {
        return "Mean silhouette coefficient (Euclidean; on a seeded random sample of " + SAMPLE_SIZE
                + " points when there are more)";
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public double score(float[][] points, int[] assignment, long seed) {
        PointAssignment.of(points, assignment);
        if (points.length > SAMPLE_SIZE) {
            int[] chosen = Batches.sample(points.length, SAMPLE_SIZE, seed);
            float[][] subPoints = new float[chosen.length][];
            int[] subAssignment = new int[chosen.length];
            for (int i = 0; i < chosen.length; i++) {
                subPoints[i] = points[chosen[i]];
                subAssignment[i] = assignment[chosen[i]];
            }
            points = subPoints;
            assignment = subAssignment;
        }
        PointAssignment pa = PointAssignment.of(points, assignment);
        if (!pa.indexDefined()) {
            return Double.NaN;
        }
        double[] s = IntStream.range(0, points.length).parallel().mapToDouble(i -> coefficient(pa, i)).toArray();
        double sum = 0;
        for (double v : s) {
            sum += v;
        }
        return sum / s.length;
    }

    /** The silhouette of point i: (b - a) / max(a, b), 0 for a singleton cluster or when a = b = 0. */
    private static double coefficient(PointAssignment pa, int i) {
        double[] sums = new double[pa.clusters];
        float[] p = pa.points[i];
        for (int j = 0; j < pa.points.length; j++) {
            float[] q = pa.points[j];
            double s = 0;
            for (int d = 0; d < p.length; d++) {
                double diff = (double) p[d] - q[d];
                s += diff * diff;
            }
            sums[pa.labels[j]] += Math.sqrt(s);
        }
        int own = pa.labels[i];
        if (pa.sizes[own] == 1) {
            return 0.0;
        }
        double a = sums[own] / (pa.sizes[own] - 1);
        double b = Double.POSITIVE_INFINITY;
        for (int k = 0; k < pa.clusters; k++) {
            if (k != own) {
                b = Math.min(b, sums[k] / pa.sizes[k]);
            }
        }
        double denominator = Math.max(a, b);
        return denominator == 0 ? 0.0 : (b - a) / denominator;
    }
}
