package org.dclust.refiners.mnet;

import ai.djl.ndarray.NDManager;
import java.util.Random;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.Backbone;
import org.dclust.api.model.CentroidHead;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.SoftAssignment;
import org.dclust.api.toolkit.Embeddings;
import org.dclust.api.toolkit.KMeans;
import org.dclust.api.toolkit.Pretraining;
import org.dclust.testkit.TestMetrics;
import org.dclust.testkit.TinyBackbone;

/** Synthetic data, a tiny AE + k-means latent model, and clustering accuracy for the refiners' tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Backbone backbone(int latentDim, String hidden) {
        return TinyBackbone.with(latentDim, hidden);
    }

    /** Two concentric rings (radii r1, r2) with Gaussian radial noise; label = ring. Rows of (x, y). */
    static float[][] rings(int n, double r1, double r2, double noise, int[] labels, Random r) {
        float[][] p = new float[n][];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            double rad = (labels[i] == 0 ? r1 : r2) + r.nextGaussian() * noise;
            double t = r.nextDouble() * 2 * Math.PI;
            p[i] = new float[] {(float) (rad * Math.cos(t)), (float) (rad * Math.sin(t))};
        }
        return p;
    }

    /**
     * Two concentric arcs of radii r1 and r2 spanning the angles [−θ, θ] (a ring segment each), with
     * Gaussian radial noise; label = arc.
     */
    static float[][] arcs(int n, double r1, double r2, double theta, double noise, int[] labels, Random r) {
        return arcs(n, r1, r2, theta, noise, false, labels, r);
    }

    /**
     * Concentric arcs as above; with {@code gaussian} the angle is normal with standard deviation θ
     * instead of uniform in [−θ, θ] (banana-shaped clusters whose density falls towards the tips).
     */
    static float[][] arcs(int n, double r1, double r2, double theta, double noise, boolean gaussian, int[] labels, Random r) {
        float[][] p = new float[n][];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            double t = gaussian ? r.nextGaussian() * theta : (2 * r.nextDouble() - 1) * theta;
            double rad = (labels[i] == 0 ? r1 : r2) + r.nextGaussian() * noise;
            p[i] = new float[] {(float) (rad * Math.cos(t)), (float) (rad * Math.sin(t))};
        }
        return p;
    }

    /**
     * {@code k} Gaussian blobs (sd 1) in the plane with centres {@code sep} apart on a line, each
     * overlapping its neighbours; label = blob (sample i is in blob i mod k).
     */
    static float[][] blobsOnALine(int n, int k, double sep, int[] labels, Random r) {
        float[][] p = new float[n][];
        for (int i = 0; i < n; i++) {
            labels[i] = i % k;
            p[i] = new float[] {(float) (labels[i] * sep + r.nextGaussian()), (float) r.nextGaussian()};
        }
        return p;
    }

    /** Two interleaved moons (scikit-learn's make_moons layout) with Gaussian noise. */
    static float[][] moons(int n, double noise, int[] labels, Random r) {
        return moons(n, noise, 0, labels, r);
    }

    /** Moons as above; with {@code sigma} &gt; 0 the angle is normal around π/2 with that deviation (sparse tips). */
    static float[][] moons(int n, double noise, double sigma, int[] labels, Random r) {
        float[][] p = new float[n][];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            double t = sigma > 0 ? Math.PI / 2 + r.nextGaussian() * sigma : r.nextDouble() * Math.PI;
            double x = labels[i] == 0 ? Math.cos(t) : 1 - Math.cos(t);
            double y = labels[i] == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            p[i] = new float[] {(float) (x + r.nextGaussian() * noise), (float) (y + r.nextGaussian() * noise)};
        }
        return p;
    }

    /** Lifts 2-D points into {@code dim} dimensions by a fixed random linear map (Gaussian entries / sqrt 2). */
    static Dataset lift(String name, float[][] p, int[] labels, int k, int dim, long mapSeed) {
        Random r = new Random(mapSeed);
        int src = p[0].length;
        double[][] a = new double[dim][src];
        for (double[] row : a) {
            for (int j = 0; j < src; j++) {
                row[j] = r.nextGaussian() / Math.sqrt(src);
            }
        }
        float[] v = new float[p.length * dim];
        for (int i = 0; i < p.length; i++) {
            for (int t = 0; t < dim; t++) {
                double s = 0;
                for (int j = 0; j < src; j++) {
                    s += a[t][j] * p[i][j];
                }
                v[i * dim + t] = (float) s;
            }
        }
        return new Dataset(name, v, new int[] {dim}, labels.clone(), k);
    }

    /** AE pretraining (api's shared Pretraining, the context's backbone) then k-means on the codes. */
    public static LatentModel aeKmeans(Dataset data, org.dclust.api.train.TrainingContext ctx, int epochs, double lr, int batch) {
        NDManager m = ctx.manager().newSubManager();
        EncoderNetwork net = Pretraining.pretrain(data, ctx, new Pretraining.Settings(epochs, lr, batch), m);
        float[][] z = Embeddings.encode(net, data, 1000);
        KMeans.Result km = KMeans.fit(z, ctx.clusters(), 10, 300, ctx.random("kmeans", 0));
        return new LatentModel("ae", net, km.centres(), SoftAssignment.nearest());
    }

    /** The centroid refiner's model on a latent model (shares its network). */
    public static ClusterModel centroid(LatentModel lm) {
        return new ClusterModel(lm.network(), new CentroidHead(lm.network().manager(), lm.centres(), lm.assignment()), null, null);
    }

    /** Clustering accuracy (Hungarian), as the testkit computes it. */
    public static double accuracy(int[] truth, int[] pred, int k) {
        return TestMetrics.acc(truth, pred);
    }

}
