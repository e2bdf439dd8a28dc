package org.dclust.phase1.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DCSS phase-1 arithmetic (eqs. 1-3) against direct computations on a tiny hand-made batch. */
class DcssLossTest {
    // three samples of 2×2 "images", their reconstructions, 2-d codes and two centres
    static final float[][] X = {{1, 0, 0.5f, 2}, {0, 1, 1, 0}, {-1, 2, 0, 1}};
    static final float[][] R = {{0.5f, 0, 1, 2}, {0, 0, 1, 0.5f}, {-1, 1, 0.5f, 1}};
    static final float[][] Z = {{0, 0}, {1, 2}, {3, -1}};
    static final float[][] C = {{0.5f, 0.5f}, {2, 0}};
    static final double LAMBDA = 0.1;
    static final double M = 1.5;

    static double sq(float[] a, float[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (double) (a[j] - b[j]);
        }
        return s;
    }

    /** u_ik = 1 / Σ_j (‖z_i − c_k‖ / ‖z_i − c_j‖)^(2/(m−1)) (eq. 2), raised to m. */
    static double[][] weights(float[][] z, float[][] c, double m) {
        double[][] w = new double[z.length][c.length];
        for (int i = 0; i < z.length; i++) {
            for (int k = 0; k < c.length; k++) {
                double s = 0;
                for (int j = 0; j < c.length; j++) {
                    s += Math.pow(Math.sqrt(sq(z[i], c[k])) / Math.sqrt(sq(z[i], c[j])), 2 / (m - 1));
                }
                w[i][k] = Math.pow(1 / s, m);
            }
        }
        return w;
    }

    @Test
    void weightsAreMembershipsToThePowerM() {
        double[][] want = weights(Z, C, M);
        try (NDManager nd = NDManager.newBaseManager()) {
            float[] got = DcssLoss.weights(nd.create(Z), nd.create(C), M).toFloatArray();
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 2; k++) {
                    assertThat((double) got[i * 2 + k]).isCloseTo(want[i][k], within(1e-5));
                }
            }
        }
    }

    @Test
    void clusterLossMatchesDirectComputation() {
        double[][] w = weights(Z, C, M);
        try (NDManager nd = NDManager.newBaseManager()) {
            NDArray x = nd.create(X).reshape(3, 1, 2, 2);
            NDArray r = nd.create(R).reshape(3, 1, 2, 2);
            NDArray z = nd.create(Z);
            NDArray c = nd.create(C);
            NDArray wt = nd.create(toFloat(w));
            double aggregated = 0;
            for (int k = 0; k < 2; k++) {
                // L_k = Σ_i w_ik ‖x_i − x̂_i‖² + λ Σ_i w_ik ‖z_i − c_k‖² (eq. 1), summed over pixels and samples
                double want = 0;
                for (int i = 0; i < 3; i++) {
                    want += w[i][k] * sq(X[i], R[i]) + LAMBDA * w[i][k] * sq(Z[i], C[k]);
                }
                NDArray wk = wt.get(new NDIndex(":, {}:{}", k, k + 1));
                NDArray ck = c.get(new NDIndex("{}:{}", k, k + 1));
                float got = DcssLoss.loss(x, r, z, wk, ck, LAMBDA).getFloat();
                assertThat((double) got).isCloseTo(want, within(1e-4 * Math.abs(want)));
                aggregated += want;
            }
            // DCSSagg: the sum of the K cluster losses in one call
            assertThat((double) DcssLoss.loss(x, r, z, wt, c, LAMBDA).getFloat()).isCloseTo(aggregated, within(1e-4 * aggregated));
        }
    }

    @Test
    void lossGradientOnCodesIsTheCentringTerm() {
        // ∂L_k/∂z_i = 2 λ w_ik (z_i − c_k): the weights are constants and the reconstruction does not depend on z here
        double[][] w = weights(Z, C, M);
        try (NDManager nd = NDManager.newBaseManager();
                var gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            NDArray z = nd.create(Z);
            z.setRequiresGradient(true);
            NDArray x = nd.create(X);
            NDArray wk = nd.create(toFloat(w)).get(new NDIndex(":, 1:2"));
            NDArray ck = nd.create(C).get(new NDIndex("1:2"));
            gc.backward(DcssLoss.loss(x, nd.create(R), z, wk, ck, LAMBDA));
            float[] g = z.getGradient().toFloatArray();
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 2; j++) {
                    assertThat((double) g[i * 2 + j]).isCloseTo(2 * LAMBDA * w[i][1] * (Z[i][j] - C[1][j]), within(1e-5));
                }
            }
        }
    }

    @Test
    void centreUpdateIsTheWeightedMean() {
        double[][] w = weights(Z, C, M);
        try (NDManager nd = NDManager.newBaseManager()) {
            float[] got = DcssLoss.centres(nd.create(Z), nd.create(C), M).toFloatArray();
            for (int k = 0; k < 2; k++) {
                double den = 0;
                double[] num = new double[2];
                for (int i = 0; i < 3; i++) {
                    den += w[i][k];
                    num[0] += w[i][k] * Z[i][0];
                    num[1] += w[i][k] * Z[i][1];
                }
                assertThat((double) got[k * 2]).isCloseTo(num[0] / den, within(1e-5));
                assertThat((double) got[k * 2 + 1]).isCloseTo(num[1] / den, within(1e-5));
            }
        }
    }

    @Test
    void centresAreRefreshedOnTheReferenceSchedule() {
        // dcss, T1 = 2, 6 epochs: before epochs 2, 4, 6 (0-based 1, 3, 5), i.e. after 1, 3, 5 -- but not after the last
        assertThat(refreshes(6, 1, 2)).containsExactly(1, 3, 5);
        assertThat(refreshes(5, 1, 2)).containsExactly(1, 3);
        assertThat(refreshes(4, 1, 1)).containsExactly(1, 2, 3);
        assertThat(refreshes(7, 1, 3)).containsExactly(1, 4);
        // dcss-agg with K = 3: an epoch is 3 passes, so the refreshes come after the same number of updates
        assertThat(refreshes(6 * 3, 3, 2)).containsExactly(3, 9, 15);
    }

    private static List<Integer> refreshes(int passes, int perEpoch, int interval) {
        List<Integer> out = new ArrayList<>();
        for (int done = 1; done <= passes; done++) {
            if (DcssLearner.refreshAfter(done, passes, perEpoch, interval)) {
                out.add(done);
            }
        }
        return out;
    }

    private static float[][] toFloat(double[][] a) {
        float[][] f = new float[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                f[i][j] = (float) a[i][j];
            }
        }
        return f;
    }
}
