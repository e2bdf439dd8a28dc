package org.dclust.phase1.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.dclust.phase1.backbone.ContrastiveEncoder;
import org.junit.jupiter.api.Test;

/** SeCu's two losses against a direct computation on a tiny batch, and where the centre loss's gradient goes. */
class SecuLossTest {
    /** 3 samples of 2 values (rows need not be unit here) and 4 centres. */
    private static final float[][] X = {{0.6f, 0.8f}, {1f, 0f}, {-0.28f, 0.96f}};
    private static final float[][] C = {{1f, 0f}, {0f, 1f}, {-1f, 0f}, {0.6f, -0.8f}};

    private static double dot(float[] a, float[] b) {
        return a[0] * b[0] + a[1] * b[1];
    }

    /** log softmax(v)_j. */
    private static double logSoftmax(double[] v, int j) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        double sum = 0;
        for (double x : v) {
            sum += Math.exp(x - max);
        }
        return v[j] - max - Math.log(sum);
    }

    @Test
    void theCentreLossIsTheCrossEntropyOfTheScoresAtTemperatureTw() {
        long[] y = {1, 0, 1};
        double tw = 0.5;
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            double[] logits = new double[4];
            for (int k = 0; k < 4; k++) {
                logits[k] = dot(X[i], C[k]) / tw;
            }
            expected -= logSoftmax(logits, (int) y[i]) / 3;
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray s = m.create(X).matMul(m.create(C).transpose());
            assertThat(SecuLoss.centre(s, m.create(y), tw).getFloat()).isCloseTo((float) expected, within(1e-5f));
        }
    }

    /**
     * Only the assigned centres' columns carry gradient: centres 2 and 3, which no sample is assigned to,
     * get a gradient of exactly zero although every logit enters the softmax, and centre 1 gets
     * Σ_{i: y_i = 1} (p_i1 − 1)/τ_w · x_i (the hardness-aware pull: the smaller p_i1, the larger).
     */
    @Test
    void onlyTheAssignedCentresGetAGradient() {
        long[] y = {1, 0, 1};
        double tw = 0.5;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray c = m.create(C);
            c.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray s = m.create(X).matMul(c.transpose());
                gc.backward(SecuLoss.centre(s, m.create(y), tw));
            }
            float[] g = c.getGradient().toFloatArray();
            assertThat(new float[] {g[4], g[5], g[6], g[7]}).containsOnly(0f);
            double[] expected = new double[2];
            for (int i : new int[] {0, 2}) {
                double[] logits = new double[4];
                for (int k = 0; k < 4; k++) {
                    logits[k] = dot(X[i], C[k]) / tw;
                }
                double p = Math.exp(logSoftmax(logits, 1));
                for (int j = 0; j < 2; j++) {
                    expected[j] += (p - 1) / tw * X[i][j] / 3;
                }
            }
            assertThat(g[2]).isCloseTo((float) expected[0], within(1e-5f));
            assertThat(g[3]).isCloseTo((float) expected[1], within(1e-5f));
            assertThat(g[0] != 0 || g[1] != 0).as("centre 0 has a member").isTrue();
        }
    }

    /** L_x = −mean Σ_k t1 log softmax(p1) − mean Σ_k t2 log softmax(p2), t1 = (1 − τ) softmax(p2) + τ onehot(ℓ), and back. */
    @Test
    void theRepresentationLossMixesTheOtherViewsPredictionWithThePreviousAssignment() {
        float[][] p1 = {{1f, 0.5f, -1f}, {0.2f, 0.1f, 0.3f}};
        float[][] p2 = {{0.3f, 2f, 0f}, {-0.5f, 0.5f, 1.5f}};
        long[] previous = {2, 0};
        double tau = 0.2;
        double expected = 0;
        for (int i = 0; i < 2; i++) {
            double[] a = {p1[i][0], p1[i][1], p1[i][2]};
            double[] b = {p2[i][0], p2[i][1], p2[i][2]};
            for (int k = 0; k < 3; k++) {
                double hard = k == previous[i] ? tau : 0;
                double t1 = (1 - tau) * Math.exp(logSoftmax(b, k)) + hard;
                double t2 = (1 - tau) * Math.exp(logSoftmax(a, k)) + hard;
                expected -= (t1 * logSoftmax(a, k) + t2 * logSoftmax(b, k)) / 2;
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray loss = SecuLoss.representation(m.create(p1), m.create(p2), m.create(previous), tau);
            assertThat(loss.getFloat()).isCloseTo((float) expected, within(1e-5f));
            // the targets carry no gradient: d/dp1 of −t1·log softmax(p1) is (softmax(p1) − t1)/b
            NDArray a = m.create(p1);
            a.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(SecuLoss.representation(a, m.create(p2), m.create(previous), tau));
            }
            double[] row = {p1[0][0], p1[0][1], p1[0][2]};
            double[] other = {p2[0][0], p2[0][1], p2[0][2]};
            double t10 = (1 - tau) * Math.exp(logSoftmax(other, 0));
            assertThat(a.getGradient().toFloatArray()[0]).isCloseTo((float) ((Math.exp(logSoftmax(row, 0)) - t10) / 2), within(1e-5f));
        }
    }

    /** The model's soft assignment: softmax of cosines (codes and centres normalised first) at temperature T. */
    @Test
    void cosineSoftmaxNormalisesCodesAndCentres() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray z = m.create(new float[] {3f, 4f}, new Shape(1, 2));
            NDArray c = m.create(new float[] {2f, 0f, 0f, 0.5f}, new Shape(2, 2));
            float[] q = new CosineSoftmaxAssignment().probabilities(z, c,
                    org.dclust.api.param.Params.resolve("cosine-softmax", new CosineSoftmaxAssignment().parameters(), java.util.Map.of("temperature", 0.5)))
                    .toFloatArray();
            double a = Math.exp(0.6 / 0.5);
            double b = Math.exp(0.8 / 0.5);
            assertThat(q[0]).isCloseTo((float) (a / (a + b)), within(1e-6f));
            assertThat(q[1]).isCloseTo((float) (b / (a + b)), within(1e-6f));
            assertThat(ContrastiveEncoder.unitRows(z).toFloatArray()).containsExactly(new float[] {0.6f, 0.8f}, within(1e-7f));
        }
    }
}
