package org.dclust.framework.metrics;

import java.util.List;
import org.dclust.api.spi.InternalIndexProvider;

/**
 * {@code calinski-harabasz}: the variance ratio criterion, between-cluster dispersion over
 * within-cluster dispersion scaled by {@code (n - k) / (k - 1)}, as scikit-learn's
 * {@code calinski_harabasz_score} (1 when every cluster is a single repeated point). Higher is better;
 * NaN for a single cluster or as many clusters as points.
 */
public final class CalinskiHarabaszIndex implements InternalIndexProvider {
    @Override
    public String name() {
        return "calinski-harabasz";
    }

    @Override
    public List<String> aliases() {
        return List.of("ch");
    }

    @Override
    public String title() {
        return "Calinski-Harabasz index (variance ratio criterion)";
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public double score(float[][] points, int[] assignment, long seed) {
        PointAssignment pa = PointAssignment.of(points, assignment);
        if (!pa.indexDefined()) {
            return Double.NaN;
        }
        int n = points.length;
        double[][] centroids = pa.centroids();
        double[] mean = new double[pa.dimension];
        for (float[] p : points) {
            for (int d = 0; d < pa.dimension; d++) {
                mean[d] += p[d];
            }
        }
        for (int d = 0; d < pa.dimension; d++) {
            mean[d] /= n;
        }
        double extra = 0;
        for (int k = 0; k < pa.clusters; k++) {
            double s = 0;
            for (int d = 0; d < pa.dimension; d++) {
                double diff = centroids[k][d] - mean[d];
                s += diff * diff;
            }
            extra += pa.sizes[k] * s;
        }
        double intra = 0;
        for (int i = 0; i < n; i++) {
            double[] c = centroids[pa.labels[i]];
            for (int d = 0; d < pa.dimension; d++) {
                double diff = points[i][d] - c[d];
                intra += diff * diff;
            }
        }
        return intra == 0 ? 1.0 : extra * (n - pa.clusters) / (intra * (pa.clusters - 1.0));
    }
}
