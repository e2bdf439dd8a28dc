package org.dclust.refiners.proximity;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.dclust.api.spi.Citation;
import org.dclust.api.spi.InternalIndexProvider;

/**
 * {@code featureTwist}: how far the clusters of a latent space are from flat, without labels. Per
 * cluster, the number of principal components that explain {@value #VARIANCE} of its variance (its
 * linear dimension) minus its intrinsic dimension by the TwoNN estimator (Facco, d'Errico, Rodriguez,
 * Laio, "Estimating the intrinsic dimension of datasets by a minimal neighborhood information",
 * Scientific Reports 7, 2017): a cluster lying on a curved or twisted manifold needs more linear
 * dimensions than it has intrinsic ones. The index is the mean over clusters weighted by their sizes;
 * lower is flatter.
 *
 * <p>Where it comes from: R-DC's authors argue that moving from self-supervision to pseudo-supervision
 * "twists" the curved latent manifolds ("Feature Twist"); their group's earlier code (nairouz/FT-VGAE)
 * measures it per cluster as PCA dimensions for 90% of the variance minus the TwoNN dimension. How
 * R-DC itself measures it could not be read; this is our reading of that code's description, not a
 * figure of the paper.
 *
 * <p>TwoNN: for each point, μ = r₂ / r₁, the distances to its second and first nearest neighbours in
 * its cluster; μ follows a Pareto law of index d, whose maximum-likelihood estimate is
 * d = n / Σ ln μ (points at distance 0 from their nearest neighbour are left out). Both parts are
 * computed on at most {@value #SAMPLE} points of each cluster, drawn with {@code Random(seed)}; a
 * cluster of fewer than 3 usable points is left out, and NaN is returned when none is left.
 */
public final class FeatureTwistIndex implements InternalIndexProvider {
    /** The share of a cluster's variance its linear dimension explains. */
    static final double VARIANCE = 0.9;
    /** The most points of one cluster the index uses; larger clusters are subsampled. */
    static final int SAMPLE = 1000;

    /** The TwoNN estimator's paper. */
    static final Citation TWO_NN = new Citation("Facco, d'Errico, Rodriguez, Laio",
            "Estimating the intrinsic dimension of datasets by a minimal neighborhood information", 2017, "Scientific Reports 7", "");

    @Override
    public String name() {
        return "featureTwist";
    }

    @Override
    public String title() {
        return "Feature twist: per cluster, PCA dimensions for 90% of the variance minus the TwoNN intrinsic dimension, "
                + "size-weighted mean (R-DC's diagnostic as its authors' group measures it; our reading, lower is flatter)";
    }

    @Override
    public java.util.Optional<Citation> paper() {
        return java.util.Optional.of(ProximityRefinerProvider.RDC);
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public double score(float[][] points, int[] assignment, long seed) {
        int k = 0;
        for (int a : assignment) {
            k = Math.max(k, a + 1);
        }
        int[][] members = members(assignment, k);
        Random random = new Random(seed);
        double sum = 0;
        long weight = 0;
        for (int c = 0; c < k; c++) {
            float[][] sample = sample(points, members[c], random);
            double id = twoNn(sample);
            if (Double.isNaN(id)) {
                continue;
            }
            sum += members[c].length * (pcaDimension(sample, VARIANCE) - id);
            weight += members[c].length;
        }
        return weight == 0 ? Double.NaN : sum / weight;
    }

    /** The indices of each cluster's points. */
    private static int[][] members(int[] assignment, int k) {
        int[] size = new int[k];
        for (int a : assignment) {
            size[a]++;
        }
        int[][] out = new int[k][];
        for (int c = 0; c < k; c++) {
            out[c] = new int[size[c]];
        }
        int[] at = new int[k];
        for (int i = 0; i < assignment.length; i++) {
            out[assignment[i]][at[assignment[i]]++] = i;
        }
        return out;
    }

    /** At most {@value #SAMPLE} of the given points, drawn without replacement (a partial Fisher-Yates shuffle). */
    private static float[][] sample(float[][] points, int[] indices, Random random) {
        int[] idx = indices.clone();
        int take = Math.min(SAMPLE, idx.length);
        if (take < idx.length) {
            for (int i = 0; i < take; i++) {
                int j = i + random.nextInt(idx.length - i);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
        }
        float[][] out = new float[take][];
        for (int i = 0; i < take; i++) {
            out[i] = points[idx[i]];
        }
        return out;
    }

    /**
     * The TwoNN intrinsic dimension, n / Σ ln(r₂ / r₁), of the points whose nearest neighbour is at a
     * positive distance; NaN with fewer than 3 points or no such point.
     */
    static double twoNn(float[][] p) {
        if (p.length < 3) {
            return Double.NaN;
        }
        double logSum = 0;
        int used = 0;
        for (int i = 0; i < p.length; i++) {
            double r1 = Double.POSITIVE_INFINITY;
            double r2 = Double.POSITIVE_INFINITY;
            for (int j = 0; j < p.length; j++) {
                if (j == i) {
                    continue;
                }
                double d = 0;
                for (int t = 0; t < p[i].length; t++) {
                    double diff = (double) p[i][t] - p[j][t];
                    d += diff * diff;
                }
                if (d < r1) {
                    r2 = r1;
                    r1 = d;
                } else if (d < r2) {
                    r2 = d;
                }
            }
            if (r1 > 0) {
                logSum += 0.5 * Math.log(r2 / r1);
                used++;
            }
        }
        return used == 0 || logSum <= 0 ? Double.NaN : used / logSum;
    }

    /**
     * The fewest principal components whose variances (eigenvalues of the covariance matrix) sum to at
     * least {@code share} of the total; 0 for points that do not vary.
     */
    /**
     * The eigenvalues of a symmetric positive semi-definite matrix: commons-math's eigen decomposition,
     * or, where its QL iteration does not converge (seen on the 128-value unit embeddings of secu), the
     * singular values, which are the eigenvalues of such a matrix.
     */
    static double[] eigenvalues(double[][] cov) {
        try {
            return new EigenDecomposition(new Array2DRowRealMatrix(cov, false)).getRealEigenvalues();
        } catch (org.apache.commons.math3.exception.MaxCountExceededException e) {
            return singularValues(cov);
        }
    }

    /** The singular values of {@code m}. */
    static double[] singularValues(double[][] m) {
        return new org.apache.commons.math3.linear.SingularValueDecomposition(new Array2DRowRealMatrix(m, false)).getSingularValues();
    }

    static int pcaDimension(float[][] p, double share) {
        int d = p[0].length;
        double[] mean = new double[d];
        for (float[] row : p) {
            for (int t = 0; t < d; t++) {
                mean[t] += row[t];
            }
        }
        for (int t = 0; t < d; t++) {
            mean[t] /= p.length;
        }
        double[][] cov = new double[d][d];
        for (float[] row : p) {
            for (int a = 0; a < d; a++) {
                double da = row[a] - mean[a];
                for (int b = a; b < d; b++) {
                    cov[a][b] += da * (row[b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= p.length;
                cov[b][a] = cov[a][b];
            }
        }
        double[] eig = eigenvalues(cov);
        java.util.Arrays.sort(eig);
        double total = 0;
        for (double v : eig) {
            total += Math.max(0, v);
        }
        if (total <= 0) {
            return 0;
        }
        double acc = 0;
        int dims = 0;
        for (int i = eig.length - 1; i >= 0 && acc < share * total; i--) {
            acc += Math.max(0, eig[i]);
            dims++;
        }
        return dims;
    }
}
