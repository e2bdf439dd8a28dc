package org.dclust.phase1.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dclust.api.model.Backbone;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.param.Params;
import org.dclust.phase1.backbone.ResNetBackboneProvider;
import org.junit.jupiter.api.Test;

/** MoCo's pieces against direct computations: InfoNCE, the queue, the momentum update, shuffle-BN. */
class MocoPartsTest {
    private static final float[][] Q = {{0.6f, 0.8f, 0f}, {0f, 0.6f, -0.8f}};
    private static final float[][] K = {{0.8f, 0.6f, 0f}, {0f, 1f, 0f}};
    private static final float[][] QUEUE = {{1f, 0f, 0f}, {0f, 0f, -1f}, {-0.6f, 0f, 0.8f}, {0f, -1f, 0f}};

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    /** InfoNCE by hand: logits [q·k, q·n_1..q·n_4] / T, loss = mean over rows of log Σ exp − logit_0. */
    @Test
    void infoNceMatchesADirectComputation() {
        double t = 0.2;
        double expected = 0;
        double[][] logits = new double[2][5];
        for (int i = 0; i < 2; i++) {
            logits[i][0] = dot(Q[i], K[i]) / t;
            for (int j = 0; j < 4; j++) {
                logits[i][j + 1] = dot(Q[i], QUEUE[j]) / t;
            }
            double sum = 0;
            for (double l : logits[i]) {
                sum += Math.exp(l);
            }
            expected += (Math.log(sum) - logits[i][0]) / 2;
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray l = MocoLoss.logits(m.create(Q), m.create(K), m.create(QUEUE), t);
            assertThat(l.getShape()).isEqualTo(new Shape(2, 5));
            float[] flat = l.toFloatArray();
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 5; j++) {
                    assertThat((double) flat[i * 5 + j]).isCloseTo(logits[i][j], within(1e-5));
                }
            }
            assertThat((double) MocoLoss.infoNce(l).getFloat()).isCloseTo(expected, within(1e-5));
            // row 0: the positive 0.96 beats every negative (0.6 the best); row 1: the negative (0, 0, -1) at 0.8 beats the positive 0.6
            assertThat(MocoLoss.positiveTop1(l)).isEqualTo(0.5);
        }
    }

    /** Batches of 2 into a queue of 6: rows 0-1, 2-3, 4-5, then the oldest (0-1) are replaced; the pointer wraps to 0. */
    @Test
    void theQueueReplacesTheOldestBatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            KeyQueue q = new KeyQueue(m, 6, 2, new Random(3));
            float[] start = q.keys().toFloatArray();
            for (int i = 0; i < 6; i++) {
                assertThat(Math.hypot(start[2 * i], start[2 * i + 1])).as("initial key %d has unit length", i).isCloseTo(1, within(1e-6));
            }
            assertThat(new KeyQueue(m, 6, 2, new Random(3)).keys().toFloatArray()).containsExactly(start);
            for (int b = 1; b <= 4; b++) {
                q.enqueue(m.create(new float[][] {{b, 10 * b}, {-b, -10 * b}}));
            }
            assertThat(q.keys().toFloatArray()).containsExactly(4, 40, -4, -40, 2, 20, -2, -20, 3, 30, -3, -30);
            assertThat(q.pointer()).isEqualTo(2);
            KeyQueue odd = new KeyQueue(m, 5, 2, new Random(3));
            odd.enqueue(m.create(new float[][] {{1, 1}, {1, 1}}));
            odd.enqueue(m.create(new float[][] {{1, 1}, {1, 1}}));
            assertThatThrownBy(() -> odd.enqueue(m.create(new float[][] {{1, 1}, {1, 1}})))
                    .hasMessageContaining("multiple of the batch size");
        }
    }

    private static Backbone tinyResnet() {
        ResNetBackboneProvider p = new ResNetBackboneProvider();
        return p.create(Params.resolve(p.name(), p.parameters(), Map.of("width", 8, "stages", 2, "blocks", 1)));
    }

    private static EncoderNetwork build(NDManager m, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        return tinyResnet().build(m.newSubManager(), new int[] {1, 6, 6});
    }

    /**
     * θ_k ← m θ_k + (1 − m) θ_q exactly as float arithmetic gives it, for every trainable parameter;
     * the key's batch-norm running statistics (moved away from the query's first) stay as they were.
     */
    @Test
    void theMomentumUpdateAveragesParametersOnly() {
        double mom = 0.99;
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderNetwork query = build(m, 1);
            EncoderNetwork key = build(m, 2);
            key.encode(m.randomNormal(new Shape(4, 1, 6, 6)), true);
            List<float[]> q0 = new ArrayList<>();
            List<float[]> k0 = new ArrayList<>();
            for (int i = 0; i < query.encoderParameters().size(); i++) {
                q0.add(query.encoderParameters().get(i).getArray().toFloatArray());
                k0.add(key.encoderParameters().get(i).getArray().toFloatArray());
            }
            try (NDManager scope = m.newSubManager()) {
                MomentumUpdate.apply(query.encoderParameters(), key.encoderParameters(), mom, scope);
            }
            int averaged = 0;
            int kept = 0;
            for (int i = 0; i < q0.size(); i++) {
                Parameter p = key.encoderParameters().get(i);
                float[] now = p.getArray().toFloatArray();
                float[] want = k0.get(i).clone();
                if (p.requiresGradient()) {
                    for (int j = 0; j < want.length; j++) {
                        want[j] = k0.get(i)[j] * (float) mom + q0.get(i)[j] * (float) (1 - mom);
                    }
                    averaged++;
                } else {
                    assertThat(now).as("running statistic %s", p.getName()).isNotEqualTo(q0.get(i));
                    kept++;
                }
                assertThat(now).as(p.getName()).containsExactly(want);
                assertThat(query.encoderParameters().get(i).getArray().toFloatArray()).containsExactly(q0.get(i));
            }
            assertThat(averaged).isPositive();
            assertThat(kept).isPositive();
        }
    }

    /**
     * Shuffle-BN: sample i's key is the code it gets inside its slice of the permuted batch (slice 0 =
     * the samples the permutation puts first), not inside its slice of the batch in order, and comes
     * back in the batch's order.
     */
    @Test
    void shuffledKeysAreEncodedWithTheirSliceOfThePermutedBatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderNetwork net = build(m, 4);
            Engine.getInstance().setRandomSeed(9);
            NDArray x = m.randomNormal(new Shape(8, 1, 6, 6));
            NDArray keys = ShuffleBn.encodeShuffled(net, x, 2, new Random(11));
            Random same = new Random(11);
            long[] perm = {0, 1, 2, 3, 4, 5, 6, 7};
            for (int i = 7; i > 0; i--) {
                int j = same.nextInt(i + 1);
                long t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            float[] got = keys.toFloatArray();
            int d = got.length / 8;
            for (int s = 0; s < 2; s++) {
                long[] slice = java.util.Arrays.copyOfRange(perm, 4 * s, 4 * s + 4);
                float[] codes = net.encode(x.get(m.create(slice)), true).toFloatArray();
                for (int r = 0; r < 4; r++) {
                    for (int c = 0; c < d; c++) {
                        assertThat(got[(int) slice[r] * d + c]).isCloseTo(codes[r * d + c], within(1e-5f));
                    }
                }
            }
            float[] inOrder = ShuffleBn.encode(net, x, 2).toFloatArray();
            assertThat(maxDifference(inOrder, got)).as("the permutation changes the batch-norm batches").isGreaterThan(1e-3);
        }
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /** The authors' schedule: lr at epoch 0, half of it halfway, near 0 at the end. */
    @Test
    void theLearningRateFollowsACosine() {
        assertThat(MocoLearner.cosine(0.06, 0, 10)).isEqualTo(0.06);
        assertThat(MocoLearner.cosine(0.06, 5, 10)).isCloseTo(0.03, within(1e-12));
        assertThat(MocoLearner.cosine(0.06, 9, 10)).isCloseTo(0.06 * 0.5 * (1 + Math.cos(0.9 * Math.PI)), within(1e-15));
    }
}
