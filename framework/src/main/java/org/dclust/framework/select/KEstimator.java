package org.dclust.framework.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.ml.clustering.Cluster;
import org.apache.commons.math3.ml.clustering.DBSCANClusterer;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.dclust.api.toolkit.Batches;
import org.dclust.api.toolkit.KMeans;
import org.dclust.framework.metrics.CalinskiHarabaszIndex;
import org.dclust.framework.metrics.DaviesBouldinIndex;
import org.dclust.framework.metrics.SilhouetteIndex;

/**
 * Estimates the number of clusters K of a latent space without labels (issue 19; the DCSS paper's first
 * open question). On a seeded sample of at most {@value #SAMPLE} codes, for every K in the range,
 * k-means (k-means++ seeding, {@value #RESTARTS} restarts) and four indices of the partition:
 * <ul>
 *   <li>the mean silhouette (Rousseeuw 1987), highest wins;</li>
 *   <li>Calinski-Harabasz (1974), highest wins;</li>
 *   <li>Davies-Bouldin (1979), lowest wins;</li>
 *   <li>the gap statistic (Tibshirani, Walther, Hastie 2001, eq. 3 and the "smallest K with
 *       Gap(K) >= Gap(K+1) - s(K+1)" rule of Sec. 3), with {@value #REFERENCES} reference sets drawn
 *       uniformly over the box of the sample in its principal axes (their reference (b)).</li>
 * </ul>
 * and one density-based count: DBSCAN (Ester et al. 1996; Apache Commons Math's implementation)
 * with {@code minPts = }{@value #MIN_POINTS} and eps the median distance of each code to its
 * {@value #MIN_POINTS}-th nearest neighbour, times 1.5 (a radius that most points' neighbourhoods
 * reach, derived from the data: no parameter to tune); its count of clusters votes when it falls in the
 * range.
 *
 * and one graph-based count: the connected components of the symmetrised {@value #MIN_POINTS}-nearest-
 * neighbour graph ({@link #graphComponents}).
 *
 * <p>The rule: when the graph splits the codes into a number of components in the range, that number is
 * K: groups that no nearest-neighbour link joins are clusters whatever their shape, where the four
 * k-means indices, which assume convex clusters, split two moons or two rings into many (measured in
 * {@code KEstimatorTest}: the indices alone chose 6-15 on both, the graph 2 on every seed). Otherwise
 * (one component: touching or overlapping clusters, the usual case of learned codes) every method votes
 * for its K; the K with the most votes wins; a tie goes to the tied K with the highest silhouette. The
 * indices disagree in known ways (Calinski-Harabasz leans to large K, Davies-Bouldin and the gap to
 * small K on overlapping clusters), so no single one decides.
 */
public final class KEstimator {
    /** Codes the estimate is computed on at most (a seeded sample of larger inputs). */
    public static final int SAMPLE = 3000;
    /** k-means restarts per K. */
    public static final int RESTARTS = 4;
    /** Reference data sets of the gap statistic. */
    public static final int REFERENCES = 8;
    /** DBSCAN's minimum neighbourhood size. */
    public static final int MIN_POINTS = 10;

    private KEstimator() {
    }

    /**
     * Estimates K in {@code [min, max]}.
     *
     * @param codes n x d latent codes (n >= max)
     * @throws IllegalArgumentException when the range is empty, starts below 2 or exceeds the codes
     */
    public static KEstimate estimate(float[][] codes, int min, int max, long seed) {
        if (min < 2 || max < min) {
            throw new IllegalArgumentException("a K range needs 2 <= min <= max, got " + min + ".." + max);
        }
        float[][] x = sample(codes, SAMPLE, seed);
        if (max > x.length) {
            throw new IllegalArgumentException("K up to " + max + " needs at least " + max + " samples, got " + x.length);
        }
        int span = max - min + 1;
        double[] silhouette = new double[span];
        double[] ch = new double[span];
        double[] db = new double[span];
        double[] logW = new double[span];
        // every K (and every reference set below) draws from its own seeded stream, so the K values can
        // run in parallel and give the same estimate as a sequential run
        IntStream.range(0, span).parallel().forEach(i -> {
            KMeans.Result r = KMeans.fit(x, min + i, RESTARTS, 100, new Random(stream(seed, 1, min + i)));
            silhouette[i] = new SilhouetteIndex().score(x, r.labels(), seed);
            ch[i] = new CalinskiHarabaszIndex().score(x, r.labels(), seed);
            db[i] = new DaviesBouldinIndex().score(x, r.labels(), seed);
            logW[i] = Math.log(r.inertia());
        });
        double[][] gap = gap(x, min, max, logW, seed);

        Map<String, Integer> votes = new LinkedHashMap<>();
        votes.put("silhouette", min + argBest(silhouette, true));
        votes.put("calinski-harabasz", min + argBest(ch, true));
        votes.put("davies-bouldin", min + argBest(db, false));
        votes.put("gap", min + gapChoice(gap[0], gap[1]));
        int[][] near = nearest(x, MIN_POINTS);
        int density = dbscanClusters(x, near);
        if (density >= min && density <= max) {
            votes.put("dbscan", density);
        }
        int graph = graphComponents(near);
        if (graph >= min && graph <= max) {
            votes.put("graph", graph);
        }
        Map<String, double[]> curves = new LinkedHashMap<>();
        curves.put("silhouette", silhouette);
        curves.put("calinski-harabasz", ch);
        curves.put("davies-bouldin", db);
        curves.put("gap", gap[0]);
        return combine(votes, curves, silhouette, min, max, density, graph);
    }

    /**
     * The rule: the nearest-neighbour graph's count of components when it is in the range; otherwise
     * most votes, a tie to the tied K with the highest silhouette.
     */
    static KEstimate combine(Map<String, Integer> votes, Map<String, double[]> curves, double[] silhouette, int min, int max, int density,
            int graph) {
        String outside = (votes.containsKey("dbscan") ? "" : "; DBSCAN found " + density + " clusters, outside the range")
                + (votes.containsKey("graph") ? "" : "; the " + MIN_POINTS + "-nearest-neighbour graph has " + graph + " component"
                        + (graph == 1 ? "" : "s") + ", outside the range");
        if (graph >= min && graph <= max) {
            return new KEstimate(graph, min, max, votes, curves, "K = " + graph + ": the " + MIN_POINTS + "-nearest-neighbour graph of the codes"
                    + " splits into " + graph + " components, which no neighbour links join"
                    + " (clusters of any shape; the k-means indices assume convex ones); votes " + votes + outside);
        }
        int[] count = new int[max - min + 1];
        votes.values().forEach(k -> count[k - min]++);
        int most = Arrays.stream(count).max().orElse(0);
        int chosen = -1;
        List<Integer> tied = new ArrayList<>();
        for (int i = 0; i < count.length; i++) {
            if (count[i] == most) {
                tied.add(min + i);
                if (chosen < 0 || silhouette[i] > silhouette[chosen - min]) {
                    chosen = min + i;
                }
            }
        }
        String reason = (tied.size() > 1
                ? "a tie between K = " + String.join(", ", tied.stream().map(String::valueOf).toList()) + " (" + most + " of " + votes.size()
                        + " votes each) went to K = " + chosen + ", the highest silhouette among them"
                : most + " of " + votes.size() + " methods chose K = " + chosen)
                + "; votes " + votes + outside;
        return new KEstimate(chosen, min, max, votes, curves, reason);
    }

    /**
     * Gap(K) and s(K) per K: mean log W of the references minus log W of the codes, and the references'
     * standard deviation times sqrt(1 + 1/B). The references are uniform over the box of the codes in
     * their principal axes (Tibshirani et al.'s reference (b)): a latent space often fills a thin
     * subspace, which a box in the original axes would not follow, and then the gap grows with K.
     * Their k-means runs in principal coordinates, which leave distances, so W, unchanged.
     */
    private static double[][] gap(float[][] x, int min, int max, double[] logW, long seed) {
        float[][] pc = principalCoordinates(x);
        int d = pc[0].length;
        float[] lo = new float[d];
        float[] hi = new float[d];
        Arrays.fill(lo, Float.POSITIVE_INFINITY);
        Arrays.fill(hi, Float.NEGATIVE_INFINITY);
        for (float[] row : pc) {
            for (int j = 0; j < d; j++) {
                lo[j] = Math.min(lo[j], row[j]);
                hi[j] = Math.max(hi[j], row[j]);
            }
        }
        int span = max - min + 1;
        double[][] ref = new double[REFERENCES][span];
        IntStream.range(0, REFERENCES).parallel().forEach(b -> {
            Random random = new Random(stream(seed, 2, b));
            float[][] u = new float[pc.length][d];
            for (float[] row : u) {
                for (int j = 0; j < d; j++) {
                    row[j] = lo[j] + (hi[j] - lo[j]) * random.nextFloat();
                }
            }
            for (int i = 0; i < span; i++) {
                ref[b][i] = Math.log(KMeans.fit(u, min + i, 1, 30, random).inertia());
            }
        });
        double[] g = new double[span];
        double[] s = new double[span];
        for (int i = 0; i < span; i++) {
            double mean = 0;
            for (double[] r : ref) {
                mean += r[i] / REFERENCES;
            }
            double var = 0;
            for (double[] r : ref) {
                var += (r[i] - mean) * (r[i] - mean) / REFERENCES;
            }
            g[i] = mean - logW[i];
            s[i] = Math.sqrt(var) * Math.sqrt(1 + 1.0 / REFERENCES);
        }
        return new double[][] {g, s};
    }

    /** The centred codes in the axes of their covariance's eigenvectors (all d of them). */
    static float[][] principalCoordinates(float[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / (double) n;
            }
        }
        double[][] cov = new double[d][d];
        for (float[] row : x) {
            for (int a = 0; a < d; a++) {
                double da = row[a] - mean[a];
                for (int b = a; b < d; b++) {
                    cov[a][b] += da * (row[b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                cov[a][b] = cov[b][a];
            }
        }
        RealMatrix axes = new EigenDecomposition(new Array2DRowRealMatrix(cov, false)).getV();
        float[][] out = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                double v = 0;
                for (int j = 0; j < d; j++) {
                    v += (x[i][j] - mean[j]) * axes.getEntry(j, c);
                }
                out[i][c] = (float) v;
            }
        }
        return out;
    }

    /** A seed for one purpose and index, derived from the estimate's seed. */
    private static long stream(long seed, int purpose, int index) {
        long h = seed * 0x9E3779B97F4A7C15L + purpose * 0xBF58476D1CE4E5B9L + index;
        return h ^ (h >>> 31);
    }

    /** Tibshirani's rule: the smallest K with Gap(K) >= Gap(K+1) - s(K+1); the last K when none. */
    static int gapChoice(double[] gap, double[] s) {
        for (int i = 0; i + 1 < gap.length; i++) {
            if (gap[i] >= gap[i + 1] - s[i + 1]) {
                return i;
            }
        }
        return gap.length - 1;
    }

    private static int argBest(double[] v, boolean higher) {
        int best = -1;
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                continue;
            }
            if (best < 0 || (higher ? v[i] > v[best] : v[i] < v[best])) {
                best = i;
            }
        }
        return Math.max(best, 0);
    }

    /**
     * Each point's {@code k} nearest other points (at most n − 1), nearest first, by squared Euclidean
     * distance, ties to the lower index; one pass over the other points per point, keeping the best
     * {@code k} by insertion (no sort of all n distances). DBSCAN's eps and the graph count share it.
     */
    static int[][] nearest(float[][] x, int k) {
        int n = x.length;
        int m = Math.min(k, n - 1);
        int[][] out = new int[n][m];
        double[] best = new double[m];
        for (int i = 0; i < n; i++) {
            int[] idx = out[i];
            int kept = 0;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double d = KMeans.squared(x[i], x[j]);
                if (kept == m && d >= best[m - 1]) {
                    continue;
                }
                int at = Math.min(kept, m - 1);
                while (at > 0 && best[at - 1] > d) {
                    best[at] = best[at - 1];
                    idx[at] = idx[at - 1];
                    at--;
                }
                best[at] = d;
                idx[at] = j;
                kept = Math.min(kept + 1, m);
            }
        }
        return out;
    }

    /**
     * The connected components of the symmetrised nearest-neighbour graph of {@code near} ({@link
     * #nearest}: i and j linked when either is among the other's nearest neighbours). Each point links to
     * its {@value #MIN_POINTS} nearest, so a component holds more than {@value #MIN_POINTS} points and a
     * smaller far group (outliers) joins the component of its nearest points. Their number is
     * the multiplicity of the eigenvalue 0 of the graph's Laplacian (von Luxburg, "A tutorial on
     * spectral clustering", Statistics and Computing 17, 2007, Prop. 2 and 4): the exact case of the
     * eigengap heuristic, read off without an eigendecomposition.
     */
    static int graphComponents(int[][] near) {
        int n = near.length;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j : near[i]) {
                union(parent, i, j);
            }
        }
        int components = 0;
        for (int i = 0; i < n; i++) {
            if (find(parent, i) == i) {
                components++;
            }
        }
        return components;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }

    /** DBSCAN's number of clusters with eps from the data ({@code near}: {@link #nearest}; see the class doc); noise is not a cluster. */
    static int dbscanClusters(float[][] x, int[][] near) {
        double[] kth = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            kth[i] = Math.sqrt(KMeans.squared(x[i], x[near[i][near[i].length - 1]])); // the MIN_POINTS-th nearest other point
        }
        Arrays.sort(kth);
        double eps = 1.5 * kth[kth.length / 2];
        List<DoublePoint> points = new ArrayList<>(x.length);
        for (float[] row : x) {
            double[] p = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                p[j] = row[j];
            }
            points.add(new DoublePoint(p));
        }
        List<Cluster<DoublePoint>> clusters = new DBSCANClusterer<DoublePoint>(eps, MIN_POINTS).cluster(points);
        return clusters.size();
    }

    private static float[][] sample(float[][] codes, int size, long seed) {
        if (codes.length <= size) {
            return codes;
        }
        int[] chosen = Batches.sample(codes.length, size, seed);
        float[][] out = new float[size][];
        for (int i = 0; i < size; i++) {
            out[i] = codes[chosen[i]];
        }
        return out;
    }
}
