package org.dclust.phase1.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.dclust.api.toolkit.Reconstruction;
import org.dclust.api.toolkit.TrainableCentres;
import org.junit.jupiter.api.Test;

/** Every loss and update of DEC/IDEC, DCN and DKM against a direct Java computation on a tiny hand-made batch. */
class LossesTest {
    static final float[][] Z = {{0f, 0f}, {1f, 2f}, {3f, -1f}, {-2f, 0.5f}};
    static final float[][] C = {{0.5f, 0.5f}, {2f, -1f}, {-1f, 1f}};

    static double d2(float[] a, float[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return s;
    }

    /** DEC eq. 1 with α = 1, computed directly. */
    static double[][] studentT() {
        double[][] q = new double[Z.length][C.length];
        for (int i = 0; i < Z.length; i++) {
            double sum = 0;
            for (int j = 0; j < C.length; j++) {
                q[i][j] = 1 / (1 + d2(Z[i], C[j]));
                sum += q[i][j];
            }
            for (int j = 0; j < C.length; j++) {
                q[i][j] /= sum;
            }
        }
        return q;
    }

    static void assertClose(NDArray actual, double[][] expected, double tol) {
        float[] a = actual.toFloatArray();
        int cols = expected[0].length;
        assertThat(a).hasSize(expected.length * cols);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < cols; j++) {
                assertThat((double) a[i * cols + j]).as("[%d][%d]", i, j).isCloseTo(expected[i][j], within(tol));
            }
        }
    }

    @Test
    void decSoftAssignmentTargetAndKl() {
        double[][] q = studentT();
        int n = Z.length;
        int k = C.length;
        double[] f = new double[k];
        for (double[] row : q) {
            for (int j = 0; j < k; j++) {
                f[j] += row[j];
            }
        }
        double[][] p = new double[n][k];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                p[i][j] = q[i][j] * q[i][j] / f[j];
                sum += p[i][j];
            }
            for (int j = 0; j < k; j++) {
                p[i][j] /= sum;
            }
        }
        double kl = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                kl += p[i][j] * Math.log(p[i][j] / q[i][j]);
            }
        }
        kl /= n;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray qa = DecLoss.softAssignment(m.create(Z), m.create(C), 1.0);
            assertClose(qa, q, 1e-6);
            NDArray pa = DecLoss.target(qa);
            assertClose(pa, p, 1e-6);
            assertThat((double) DecLoss.kl(pa, qa).getFloat()).isCloseTo(kl, within(1e-6));
            // the target sharpens: every row's largest probability grows
            for (int i = 0; i < n; i++) {
                assertThat(max(p[i])).isGreaterThan(max(q[i]));
            }
            // KL(P||P) = 0
            assertThat((double) DecLoss.kl(pa, pa).getFloat()).isCloseTo(0, within(1e-7));
        }
    }

    static double max(double[] a) {
        double m = a[0];
        for (double v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    @Test
    void dcnLossAndReconstruction() {
        float[][] x = {{1f, 0f, 2f}, {0f, 1f, 1f}};
        float[][] xr = {{0.5f, 0f, 1f}, {0f, 3f, 1f}};
        float[][] z = {{1f, 1f}, {0f, 2f}};
        float[][] assigned = {{0f, 1f}, {1f, 1f}};
        double rec = ((0.25 + 0 + 1) + (0 + 4 + 0)) / 2.0;
        double mse = ((0.25 + 0 + 1) + (0 + 4 + 0)) / 6.0;
        double clu = ((1 + 0) + (1 + 1)) / 2.0;
        double lambda = 0.4;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray r = Reconstruction.summedSquared(m.create(xr), m.create(x));
            assertThat((double) r.getFloat()).isCloseTo(rec, within(1e-6));
            assertThat((double) Reconstruction.meanSquared(m.create(xr), m.create(x)).getFloat()).isCloseTo(mse, within(1e-6));
            NDArray c = DcnLoss.clustering(m.create(z), m.create(assigned));
            assertThat((double) c.getFloat()).isCloseTo(clu, within(1e-6));
            assertThat((double) DcnLoss.total(r, c, lambda).getFloat()).isCloseTo(rec + lambda / 2 * clu, within(1e-6));
        }
    }

    @Test
    void countRuleEqualsTheSequentialPerSampleUpdate() {
        int[] assign = {0, 2, 0, 0};
        float[] counts = {100f, 3f, 1f};
        double[][] c = new double[C.length][];
        double[] cnt = new double[C.length];
        for (int j = 0; j < C.length; j++) {
            c[j] = new double[] {C[j][0], C[j][1]};
            cnt[j] = counts[j];
        }
        // the paper's rule, one sample after another
        for (int i = 0; i < Z.length; i++) {
            int k = assign[i];
            cnt[k] += 1;
            for (int t = 0; t < 2; t++) {
                c[k][t] -= (1 / cnt[k]) * (c[k][t] - Z[i][t]);
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray[] out = CountRule.update(m.create(C), m.create(counts), m.create(Z), m.create(new long[] {0, 2, 0, 0}));
            assertClose(out[0], c, 1e-5);
            assertThat(out[1].toFloatArray()).containsExactly(103f, 3f, 2f);
            // a cluster nobody joined keeps its centre
            assertThat(out[0].get(1).toFloatArray()).containsExactly(C[1]);
        }
    }

    @Test
    void dkmSoftminWeightedLoss() {
        double alpha = 0.7;
        double loss = 0;
        double[][] g = new double[Z.length][C.length];
        for (int i = 0; i < Z.length; i++) {
            double sum = 0;
            for (int j = 0; j < C.length; j++) {
                g[i][j] = Math.exp(-alpha * d2(Z[i], C[j]));
                sum += g[i][j];
            }
            for (int j = 0; j < C.length; j++) {
                g[i][j] /= sum;
                loss += d2(Z[i], C[j]) * g[i][j];
            }
        }
        loss /= Z.length;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray z = m.create(Z);
            NDArray c = m.create(C);
            assertThat((double) DkmLoss.clustering(z, c, alpha).getFloat()).isCloseTo(loss, within(1e-5));
            assertClose(DkmLoss.softmin(org.dclust.api.toolkit.Distances.squared(z, c), alpha), g, 1e-6);
            // a very large α neither overflows nor underflows: the loss tends to the k-means loss
            double kmeans = 0;
            for (float[] zi : Z) {
                double best = Double.MAX_VALUE;
                for (float[] cj : C) {
                    best = Math.min(best, d2(zi, cj));
                }
                kmeans += best;
            }
            assertThat((double) DkmLoss.clustering(z, c, 1e4).getFloat()).isCloseTo(kmeans / Z.length, within(1e-5));
        }
    }

    /**
     * DKM's gradient flows through the softmin weights as well as the distances, to the codes and to
     * the representatives (the authors' TensorFlow graph differentiates the whole expression). With
     * L = (1/b) Σ_i Σ_k d_ik G_ik: ∂L/∂d_ik = (1/b) G_ik (1 − α (d_ik − Σ_j d_ij G_ij)), and
     * ∂d_ik/∂z_i = 2 (z_i − r_k) = −∂d_ik/∂r_k. Detached weights would drop the α term; representatives
     * copied outside autograd would get no gradient.
     */
    @Test
    void dkmGradientFlowsThroughTheSoftminWeightsAndTheRepresentatives() {
        double alpha = 0.7;
        int b = Z.length;
        int k = C.length;
        double[][] dz = new double[b][2];
        double[][] dr = new double[k][2];
        for (int i = 0; i < b; i++) {
            double[] d = new double[k];
            double[] g = new double[k];
            double sum = 0;
            for (int j = 0; j < k; j++) {
                d[j] = d2(Z[i], C[j]);
                g[j] = Math.exp(-alpha * d[j]);
                sum += g[j];
            }
            double mean = 0;
            for (int j = 0; j < k; j++) {
                g[j] /= sum;
                mean += d[j] * g[j];
            }
            for (int j = 0; j < k; j++) {
                double dl = g[j] * (1 - alpha * (d[j] - mean)) / b;
                for (int t = 0; t < 2; t++) {
                    dz[i][t] += dl * 2 * (Z[i][t] - C[j][t]);
                    dr[j][t] -= dl * 2 * (Z[i][t] - C[j][t]);
                }
            }
        }
        try (NDManager m = NDManager.newBaseManager(); TrainableCentres centres = new TrainableCentres(m, C)) {
            NDArray z = m.create(Z);
            z.setRequiresGradient(true);
            try (NDManager scope = m.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(DkmLoss.clustering(z, centres.inScope(scope), alpha));
            }
            assertClose(z.getGradient(), dz, 1e-5);
            assertClose(centres.array().getGradient(), dr, 1e-5);
        }
    }

    @Test
    void dkmAnnealingFollowsThePaperLadder() {
        assertThat(DkmLoss.alpha(0, 0.1)).isEqualTo(0.1);
        double a = 0.1;
        for (int n = 1; n < 40; n++) {
            a *= Math.pow(2, 1 / Math.pow(Math.log(n + 1), 2));
            assertThat(DkmLoss.alpha(n, 0.1)).isCloseTo(a, within(1e-12));
        }
        assertThat(DkmLoss.alpha(1, 0.1)).isCloseTo(0.4233, within(1e-4));
        assertThat(DkmLoss.alpha(39, 0.1)).isCloseTo(28.13, within(0.01));
    }
}
