package org.dclust.phase1;

import java.util.Random;
import org.dclust.api.data.Dataset;
import org.dclust.api.toolkit.KMeans;

/**
 * Test data built so that a nonlinear encoder should help: K Gaussian clusters in a low-dimensional
 * space, pushed through a fixed random two-layer tanh map into D dimensions, plus a little noise.
 * Also the PCA + k-means baseline.
 */
final class NonlinearClusters {
    private NonlinearClusters() {
    }

    /**
     * @param n samples (n / k per cluster, labels i % k)
     * @param k clusters
     * @param low dimension of the cluster space
     * @param dims output dimension D
     * @param spread standard deviation of each cluster around its mean (means ~ N(0, 1))
     */
    static Dataset clusters(int n, int k, int low, int dims, double spread, double noise, long seed) {
        return clusters(n, k, low, 0, 0, dims, spread, noise, seed);
    }

    /**
     * As above, plus {@code nuisance} extra cluster-space coordinates drawn from N(0, nuisanceStd²)
     * for every cluster alike (variation that carries no cluster information).
     */
    static Dataset clusters(int n, int k, int signal, int nuisance, double nuisanceStd, int dims, double spread, double noise, long seed) {
        Random r = new Random(seed);
        int low = signal + nuisance;
        double[][] means = new double[k][low];
        for (double[] m : means) {
            for (int j = 0; j < signal; j++) {
                m[j] = r.nextGaussian() * 2;
            }
        }
        int hidden = 64;
        double[][] w1 = gaussian(r, hidden, low, 1.0);
        double[] b1 = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            b1[j] = r.nextGaussian() * 0.5;
        }
        double[][] w2 = gaussian(r, dims, hidden, 1.0 / Math.sqrt(hidden));
        float[] v = new float[n * dims];
        int[] y = new int[n];
        double[] s = new double[low];
        double[] h = new double[hidden];
        for (int i = 0; i < n; i++) {
            y[i] = i % k;
            for (int j = 0; j < low; j++) {
                s[j] = means[y[i]][j] + r.nextGaussian() * (j < signal ? spread : nuisanceStd);
            }
            for (int a = 0; a < hidden; a++) {
                double t = b1[a];
                for (int j = 0; j < low; j++) {
                    t += w1[a][j] * s[j];
                }
                h[a] = Math.tanh(t);
            }
            for (int o = 0; o < dims; o++) {
                double t = 0;
                for (int a = 0; a < hidden; a++) {
                    t += w2[o][a] * h[a];
                }
                v[i * dims + o] = (float) (Math.tanh(t) + r.nextGaussian() * noise);
            }
        }
        return new Dataset("synthetic", v, new int[] {dims}, y, k);
    }

    private static double[][] gaussian(Random r, int rows, int cols, double scale) {
        double[][] w = new double[rows][cols];
        for (double[] row : w) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextGaussian() * scale;
            }
        }
        return w;
    }

    /** Labels of k-means (10 restarts) on the first {@code p} principal components. */
    static int[] pcaKMeans(Dataset data, int p, int k, long seed) {
        int n = data.size();
        int d = data.featureSize();
        float[] v = data.values();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += v[i * d + j] / n;
            }
        }
        double[][] cov = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                double xa = v[i * d + a] - mean[a];
                for (int b = 0; b < d; b++) {
                    cov[a][b] += xa * (v[i * d + b] - mean[b]) / n;
                }
            }
        }
        double[][] comps = new double[p][];
        Random r = new Random(seed);
        for (int c = 0; c < p; c++) {
            double[] e = new double[d];
            for (int j = 0; j < d; j++) {
                e[j] = r.nextGaussian();
            }
            for (int it = 0; it < 500; it++) {
                double[] next = new double[d];
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        next[a] += cov[a][b] * e[b];
                    }
                }
                for (int q = 0; q < c; q++) {
                    double dot = 0;
                    for (int j = 0; j < d; j++) {
                        dot += next[j] * comps[q][j];
                    }
                    for (int j = 0; j < d; j++) {
                        next[j] -= dot * comps[q][j];
                    }
                }
                double norm = 0;
                for (double t : next) {
                    norm += t * t;
                }
                norm = Math.sqrt(norm);
                for (int j = 0; j < d; j++) {
                    e[j] = next[j] / norm;
                }
            }
            comps[c] = e;
        }
        float[][] proj = new float[n][p];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < p; c++) {
                double t = 0;
                for (int j = 0; j < d; j++) {
                    t += (v[i * d + j] - mean[j]) * comps[c][j];
                }
                proj[i][c] = (float) t;
            }
        }
        return KMeans.fit(proj, k, new Random(seed)).labels();
    }
}
