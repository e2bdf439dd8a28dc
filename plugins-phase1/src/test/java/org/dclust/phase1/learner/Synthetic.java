package org.dclust.phase1.learner;

import java.util.Random;
import org.dclust.api.data.Dataset;
import org.dclust.api.toolkit.KMeans;
import org.dclust.testkit.TestMetrics;

/**
 * Test helpers: Gaussian clusters in a few dimensions pushed through a fixed random nonlinear map into
 * many, a PCA (covariance eigenvectors by power iteration with deflation) + k-means baseline, and ACC
 * by brute force over all label permutations (K is small in tests).
 */
final class Synthetic {
    private Synthetic() {
    }

    /**
     * n samples, k clusters: g ~ N(μ_y, σ²I) in {@code latent} dimensions (μ ~ N(0, spread²I)), then
     * x = sin(A·g + b) (or tanh) with A (dim × latent, entries N(0, gain²)) and b ~ N(0, 1) fixed,
     * so the clusters lie on a curved, folded surface in {@code dim} dimensions.
     */
    static Dataset clusters(int n, int k, int latent, int dim, double spread, double sigma, double gain, boolean sin, long seed) {
        Random r = new Random(seed);
        double[][] mu = new double[k][latent];
        for (double[] m : mu) {
            for (int j = 0; j < latent; j++) {
                m[j] = r.nextGaussian() * spread;
            }
        }
        double[][] a = new double[dim][latent];
        double[] b = new double[dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < latent; j++) {
                a[i][j] = r.nextGaussian() * gain;
            }
            b[i] = r.nextGaussian();
        }
        float[] v = new float[n * dim];
        int[] y = new int[n];
        double[] g = new double[latent];
        for (int s = 0; s < n; s++) {
            y[s] = s % k;
            for (int j = 0; j < latent; j++) {
                g[j] = mu[y[s]][j] + r.nextGaussian() * sigma;
            }
            for (int i = 0; i < dim; i++) {
                double t = b[i];
                for (int j = 0; j < latent; j++) {
                    t += a[i][j] * g[j];
                }
                v[s * dim + i] = (float) (sin ? Math.sin(t) : Math.tanh(t));
            }
        }
        return new Dataset("synthetic", v, new int[] {dim}, y, k);
    }

    /** The rows of the data set projected on its top {@code d} principal components. */
    static float[][] pca(Dataset data, int d) {
        int n = data.size();
        int f = data.featureSize();
        float[] v = data.values();
        double[] mean = new double[f];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < f; j++) {
                mean[j] += v[s * f + j] / n;
            }
        }
        double[][] cov = new double[f][f];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < f; i++) {
                double xi = v[s * f + i] - mean[i];
                for (int j = 0; j < f; j++) {
                    cov[i][j] += xi * (v[s * f + j] - mean[j]) / n;
                }
            }
        }
        double[][] comps = new double[d][];
        Random r = new Random(0);
        for (int c = 0; c < d; c++) {
            double[] w = new double[f];
            for (int j = 0; j < f; j++) {
                w[j] = r.nextGaussian();
            }
            double lambda = 0;
            for (int it = 0; it < 1000; it++) {
                double[] nw = new double[f];
                for (int i = 0; i < f; i++) {
                    for (int j = 0; j < f; j++) {
                        nw[i] += cov[i][j] * w[j];
                    }
                }
                double norm = 0;
                for (double x : nw) {
                    norm += x * x;
                }
                norm = Math.sqrt(norm);
                for (int j = 0; j < f; j++) {
                    nw[j] /= norm;
                }
                w = nw;
                lambda = norm;
            }
            comps[c] = w;
            for (int i = 0; i < f; i++) {
                for (int j = 0; j < f; j++) {
                    cov[i][j] -= lambda * w[i] * w[j];
                }
            }
        }
        float[][] out = new float[n][d];
        for (int s = 0; s < n; s++) {
            for (int c = 0; c < d; c++) {
                double t = 0;
                for (int j = 0; j < f; j++) {
                    t += (v[s * f + j] - mean[j]) * comps[c][j];
                }
                out[s][c] = (float) t;
            }
        }
        return out;
    }

    /** k-means (10 restarts) labels of the rows. */
    static int[] kmeans(float[][] x, int k, long seed) {
        return KMeans.fit(x, k, new Random(seed)).labels();
    }

    /** The rows of a data set as a matrix. */
    static float[][] rows(Dataset data) {
        float[][] out = new float[data.size()][];
        for (int i = 0; i < data.size(); i++) {
            out[i] = data.sample(i);
        }
        return out;
    }

    /** Clustering accuracy (Hungarian), as the testkit computes it. */
    static double acc(int[] truth, int[] predicted, int k) {
        return TestMetrics.acc(truth, predicted);
    }

}
