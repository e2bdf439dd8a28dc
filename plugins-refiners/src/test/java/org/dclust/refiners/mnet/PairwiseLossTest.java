package org.dclust.refiners.mnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** The pairwise loss (DCSS eqs. 4/5) and its masks against a direct computation on a tiny batch. */
class PairwiseLossTest {
    static final double ZETA = 0.8;
    static final double GAMMA = 0.2;
    static final double SCALE = 1e-3;

    /** Rows of q (b = 5, K = 3): mixed, confident (entries above 0.99 and below 0.01) and uniform. */
    static final float[][] Q = {
        {0.70f, 0.20f, 0.10f},
        {0.995f, 0.004f, 0.001f},
        {0.05f, 0.90f, 0.05f},
        {1f / 3, 1f / 3, 1f / 3},
        {0.008f, 0.012f, 0.98f},
    };

    /** A symmetric similarity matrix with values on both sides of ζ and γ and exactly on them. */
    static final float[][] SIM = {
        {0.90f, 0.80f, 0.10f, 0.50f, 0.20f},
        {0.80f, 0.99f, 0.19f, 0.81f, 0.05f},
        {0.10f, 0.19f, 0.85f, 0.30f, 0.21f},
        {0.50f, 0.81f, 0.30f, 0.34f, 0.00f},
        {0.20f, 0.05f, 0.21f, 0.00f, 0.95f},
    };

    @Test
    void masksSelectPairsOutsideTheAmbiguityRegion() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray sim = m.create(SIM);
            boolean[] similar = PairwiseLoss.similar(sim, ZETA).toBooleanArray();
            boolean[] dissimilar = PairwiseLoss.dissimilar(sim, GAMMA).toBooleanArray();
            int b = SIM.length;
            int nSimilar = 0;
            int nDissimilar = 0;
            for (int i = 0; i < b; i++) {
                for (int j = 0; j < b; j++) {
                    // the thresholds compare in float32, like the tensors: 0.8f is not above ζ
                    assertThat(similar[i * b + j]).as("similar %d,%d", i, j).isEqualTo(SIM[i][j] > (float) ZETA);
                    assertThat(dissimilar[i * b + j]).as("dissimilar %d,%d", i, j).isEqualTo(SIM[i][j] < (float) GAMMA);
                    nSimilar += SIM[i][j] > (float) ZETA ? 1 : 0;
                    nDissimilar += SIM[i][j] < (float) GAMMA ? 1 : 0;
                }
            }
            // the boundary values 0.8 and 0.2 are ambiguous; self-pairs count like any pair
            assertThat(similar[1]).isFalse();
            assertThat(dissimilar[4]).isFalse();
            assertThat(nSimilar).isEqualTo(6);
            assertThat(nDissimilar).isEqualTo(8);
        }
    }

    @Test
    void similarityIsTheInnerProductOfRows() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] s = PairwiseLoss.similarity(m.create(Q)).toFloatArray();
            for (int i = 0; i < Q.length; i++) {
                for (int j = 0; j < Q.length; j++) {
                    assertThat(s[i * Q.length + j]).isCloseTo((float) dot(Q[i], Q[j]), within(1e-6f));
                }
            }
        }
    }

    @Test
    void lossAndGradientMatchADirectComputation() {
        int b = Q.length;
        int k = Q[0].length;
        double[][] qc = new double[b][k];
        boolean[][] free = new boolean[b][k];
        for (int i = 0; i < b; i++) {
            for (int t = 0; t < k; t++) {
                float v = Q[i][t];
                qc[i][t] = v > 0.99f ? 1 : v < 0.01f ? 0 : v;
                free[i][t] = !(v > 0.99f) && !(v < 0.01f);
            }
        }
        double[][] coef = new double[b][b]; // D_ij − S_ij
        double expected = 0;
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                double qq = dot(qc[i], qc[j]);
                boolean s = SIM[i][j] > (float) ZETA;
                boolean d = SIM[i][j] < (float) GAMMA;
                expected += (s ? 1 - qq : 0) + (d ? qq : 0);
                coef[i][j] = (d ? 1 : 0) - (s ? 1 : 0);
            }
        }
        expected *= SCALE;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray q = m.create(Q);
            q.setRequiresGradient(true);
            NDArray sim = m.create(SIM);
            NDArray loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                loss = PairwiseLoss.loss(q, PairwiseLoss.similar(sim, ZETA), PairwiseLoss.dissimilar(sim, GAMMA), SCALE);
                gc.backward(loss);
            }
            assertThat((double) loss.getFloat()).isCloseTo(expected, within(1e-7));
            // clamped entries have no gradient; the others get scale · Σ_j (C_ij + C_ji) q̃_j
            float[] grad = q.getGradient().toFloatArray();
            for (int i = 0; i < b; i++) {
                for (int t = 0; t < k; t++) {
                    double g = 0;
                    if (free[i][t]) {
                        for (int j = 0; j < b; j++) {
                            g += (coef[i][j] + coef[j][i]) * qc[j][t];
                        }
                        g *= SCALE;
                    }
                    assertThat((double) grad[i * k + t]).as("dL/dq[%d][%d]", i, t).isCloseTo(g, within(1e-7));
                }
            }
            assertThat(grad[1 * k]).isZero();
            assertThat(grad[4 * k]).isZero();
        }
    }

    @Test
    void clampingSetsConfidentEntriesToZeroAndOne() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] c = PairwiseLoss.clampConfident(m.create(Q)).toFloatArray();
            assertThat(c[3]).isEqualTo(1f);
            assertThat(c[4]).isZero();
            assertThat(c[5]).isZero();
            assertThat(c[12]).isZero();
            assertThat(c[13]).isEqualTo(0.012f);
            assertThat(c[0]).isEqualTo(0.70f);
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
