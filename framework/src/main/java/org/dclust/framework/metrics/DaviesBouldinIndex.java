package org.dclust.framework.metrics;

import java.util.List;
import org.dclust.api.spi.InternalIndexProvider;

/**
 * {@code davies-bouldin}: the mean over clusters of the largest ratio of summed within-cluster spreads
 * (mean distance to the centroid) to centroid distance, as scikit-learn's {@code davies_bouldin_score}
 * (0 when all spreads or all centroid distances are 0). Lower is better; NaN for a single cluster or as
 * many clusters as points.
 */
public final class DaviesBouldinIndex implements InternalIndexProvider {
    /** numpy's allclose(x, 0) tolerance, which scikit-learn uses for its degenerate cases. */
    private static final double ZERO_TOLERANCE = 1e-8;

    @Override
    public String name() {
        return "davies-bouldin";
    }

    @Override
    public List<String> aliases() {
        return List.of("db");
    }

    @Override
    public String title() {
        return "Davies-Bouldin index";
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public double score(float[][] points, int[] assignment, long seed) {
        PointAssignment pa = PointAssignment.of(points, assignment);
        if (!pa.indexDefined()) {
            return Double.NaN;
        }
        int k = pa.clusters;
        double[][] centroids = pa.centroids();
        double[] spread = new double[k];
        for (int i = 0; i < points.length; i++) {
            spread[pa.labels[i]] += PointAssignment.distance(points[i], centroids[pa.labels[i]]);
        }
        boolean spreadsZero = true;
        for (int c = 0; c < k; c++) {
            spread[c] /= pa.sizes[c];
            spreadsZero &= spread[c] <= ZERO_TOLERANCE;
        }
        double[][] between = new double[k][k];
        boolean centroidsZero = true;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                between[a][b] = euclidean(centroids[a], centroids[b]);
                centroidsZero &= between[a][b] <= ZERO_TOLERANCE;
            }
        }
        if (spreadsZero || centroidsZero) {
            return 0.0;
        }
        double sum = 0;
        for (int a = 0; a < k; a++) {
            double worst = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < k; b++) {
                double ratio = (spread[a] + spread[b]) / (between[a][b] == 0 ? Double.POSITIVE_INFINITY : between[a][b]);
                worst = Math.max(worst, ratio);
            }
            sum += worst;
        }
        return sum / k;
    }

    private static double euclidean(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            double diff = a[d] - b[d];
            s += diff * diff;
        }
        return Math.sqrt(s);
    }
}
