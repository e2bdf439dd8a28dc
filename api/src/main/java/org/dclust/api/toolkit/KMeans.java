package org.dclust.api.toolkit;

import java.util.Random;

/**
 * k-means on rows of a matrix: k-means++ seeding (Arthur and Vassilvitskii 2007), Lloyd iterations
 * until no assignment changes (or {@code maxIterations}), several restarts, the lowest inertia wins.
 * An emptied cluster takes the point farthest from its centre. Deterministic for a given
 * {@link Random}.
 */
public final class KMeans {
    private KMeans() {
    }

    /** Centres (K × d), the label of each row, and the inertia (sum of squared distances to the assigned centre). */
    public record Result(float[][] centres, int[] labels, double inertia, int iterations) {
    }

    /** k-means with 10 restarts and at most 300 Lloyd iterations each. */
    public static Result fit(float[][] x, int k, Random random) {
        return fit(x, k, 10, 300, random);
    }

    /** k-means with the given restarts and iteration limit. */
    public static Result fit(float[][] x, int k, int restarts, int maxIterations, Random random) {
        if (k < 1 || k > x.length) {
            throw new IllegalArgumentException("k = " + k + " must be in [1, " + x.length + "]");
        }
        Result best = null;
        for (int r = 0; r < Math.max(1, restarts); r++) {
            Result res = lloyd(x, seedPlusPlus(x, k, random), maxIterations);
            if (best == null || res.inertia < best.inertia) {
                best = res;
            }
        }
        return best;
    }

    /** Lloyd iterations from the given centres. */
    public static Result lloyd(float[][] x, float[][] init, int maxIterations) {
        int n = x.length;
        int k = init.length;
        int d = x[0].length;
        float[][] c = new float[k][];
        for (int j = 0; j < k; j++) {
            c[j] = init[j].clone();
        }
        int[] labels = new int[n];
        java.util.Arrays.fill(labels, -1);
        double[] dist = new double[n];
        int it = 0;
        for (; it < maxIterations; it++) {
            boolean changed = assign(x, c, labels, dist);
            if (!changed && it > 0) {
                break;
            }
            double[][] sum = new double[k][d];
            int[] count = new int[k];
            for (int i = 0; i < n; i++) {
                count[labels[i]]++;
                double[] s = sum[labels[i]];
                for (int t = 0; t < d; t++) {
                    s[t] += x[i][t];
                }
            }
            for (int j = 0; j < k; j++) {
                if (count[j] == 0) {
                    int far = 0;
                    for (int i = 1; i < n; i++) {
                        if (dist[i] > dist[far]) {
                            far = i;
                        }
                    }
                    c[j] = x[far].clone();
                    dist[far] = 0;
                } else {
                    for (int t = 0; t < d; t++) {
                        c[j][t] = (float) (sum[j][t] / count[j]);
                    }
                }
            }
        }
        assign(x, c, labels, dist);
        double inertia = 0;
        for (double v : dist) {
            inertia += v;
        }
        return new Result(c, labels, inertia, it);
    }

    private static boolean assign(float[][] x, float[][] c, int[] labels, double[] dist) {
        boolean changed = false;
        for (int i = 0; i < x.length; i++) {
            int best = 0;
            double bestD = Double.POSITIVE_INFINITY;
            for (int j = 0; j < c.length; j++) {
                double dd = squared(x[i], c[j]);
                if (dd < bestD) {
                    bestD = dd;
                    best = j;
                }
            }
            if (labels[i] != best) {
                labels[i] = best;
                changed = true;
            }
            dist[i] = bestD;
        }
        return changed;
    }

    /** k-means++ seeding: the first centre uniformly, each next one with probability proportional to D². */
    public static float[][] seedPlusPlus(float[][] x, int k, Random random) {
        int n = x.length;
        float[][] c = new float[k][];
        c[0] = x[random.nextInt(n)].clone();
        double[] d2 = new double[n];
        for (int i = 0; i < n; i++) {
            d2[i] = squared(x[i], c[0]);
        }
        for (int j = 1; j < k; j++) {
            double total = 0;
            for (double v : d2) {
                total += v;
            }
            int pick;
            if (total <= 0) {
                pick = random.nextInt(n);
            } else {
                double r = random.nextDouble() * total;
                pick = n - 1;
                for (int i = 0; i < n; i++) {
                    r -= d2[i];
                    if (r < 0) {
                        pick = i;
                        break;
                    }
                }
            }
            c[j] = x[pick].clone();
            for (int i = 0; i < n; i++) {
                d2[i] = Math.min(d2[i], squared(x[i], c[j]));
            }
        }
        return c;
    }

    /** Squared Euclidean distance. */
    public static double squared(float[] a, float[] b) {
        double s = 0;
        for (int t = 0; t < a.length; t++) {
            double diff = a[t] - b[t];
            s += diff * diff;
        }
        return s;
    }

    /** The index of the nearest centre for each row. */
    public static int[] nearest(float[][] x, float[][] centres) {
        int[] labels = new int[x.length];
        java.util.Arrays.fill(labels, -1);
        assign(x, centres, labels, new double[x.length]);
        return labels;
    }
}
