package org.dclust.api.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.List;
import java.util.Random;
import org.dclust.api.data.Dataset;
import org.junit.jupiter.api.Test;

/**
 * Precise BatchNorm against statistics computed by hand: a network BatchNorm (DJL's momentum 0.9) →
 * Linear → BatchNorm (momentum 0.5) on 10 samples of 3 values in interleaved batches of 3 (three
 * batches: samples {0,3,6,9}, {1,4,7}, {2,5,8}). The first layer's statistics are the sample-weighted
 * means of the batches' means and unbiased variances of the input; the second's the same of the
 * Linear outputs of the first layer's training-mode normalisation.
 */
class PreciseBatchNormTest {
    private static final int N = 10;
    private static final int D = 3;
    private static final int H = 4;
    private static final int BATCH = 3;

    private static float[] data() {
        Random r = new Random(7);
        float[] v = new float[N * D];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextGaussian() * (1 + i % D) + i % D);
        }
        return v;
    }

    @Test
    void runningStatisticsAreTheMeansOfTheBatchStatistics() {
        float[] x = data();
        Dataset ds = new Dataset("vectors", x, new int[] {D}, null, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock net = new SequentialBlock().add(BatchNorm.builder().build()).add(Linear.builder().setUnits(H).build())
                    .add(BatchNorm.builder().optMomentum(0.5f).build());
            net.initialize(m, DataType.FLOAT32, new Shape(2, D));
            ParameterStore store = new ParameterStore(m, false);
            // stale statistics, as after an epoch of moving weights
            for (var a : PreciseBatchNorm.runningArrays(net)) {
                a.addi(5f);
            }
            PreciseBatchNorm.reestimate(new Block[] {net}, ds, BATCH, m, (scope, b) -> net.forward(store, new NDList(b), true));

            float[] w = param(net, Parameter.Type.WEIGHT).getArray().toFloatArray(); // H x D
            float[] bias = param(net, Parameter.Type.BIAS).getArray().toFloatArray();
            double[] mean1 = new double[D];
            double[] var1 = new double[D];
            double[] mean2 = new double[H];
            double[] var2 = new double[H];
            int batches = N / BATCH;
            for (int j = 0; j < batches; j++) {
                int[] idx = PreciseBatchNorm.batch(j, batches, N);
                double[][] xb = new double[idx.length][D];
                for (int r = 0; r < idx.length; r++) {
                    for (int c = 0; c < D; c++) {
                        xb[r][c] = x[idx[r] * D + c];
                    }
                }
                double[][] stats = meanAndVariances(xb);
                double[][] normalised = new double[idx.length][D];
                for (int c = 0; c < D; c++) {
                    double biased = stats[1][c] * (idx.length - 1) / idx.length;
                    for (int r = 0; r < idx.length; r++) {
                        normalised[r][c] = (xb[r][c] - stats[0][c]) / Math.sqrt(biased + 1e-5); // gamma 1, beta 0
                    }
                }
                double[][] yb = new double[idx.length][H];
                for (int r = 0; r < idx.length; r++) {
                    for (int h = 0; h < H; h++) {
                        double s = bias[h];
                        for (int c = 0; c < D; c++) {
                            s += w[h * D + c] * normalised[r][c];
                        }
                        yb[r][h] = s;
                    }
                }
                double[][] stats2 = meanAndVariances(yb);
                for (int c = 0; c < D; c++) {
                    mean1[c] += stats[0][c] * idx.length / N;
                    var1[c] += stats[1][c] * idx.length / N;
                }
                for (int h = 0; h < H; h++) {
                    mean2[h] += stats2[0][h] * idx.length / N;
                    var2[h] += stats2[1][h] * idx.length / N;
                }
            }
            var running = PreciseBatchNorm.runningArrays(net);
            assertThat(running).hasSize(4);
            assertClose(running.get(0).toFloatArray(), mean1);
            assertClose(running.get(1).toFloatArray(), var1);
            assertClose(running.get(2).toFloatArray(), mean2);
            assertClose(running.get(3).toFloatArray(), var2);
        }
    }

    /** A BatchNorm the forward does not pass through (a projection head the latent space skips) keeps its statistics. */
    @Test
    void aLayerTheForwardDoesNotReachKeepsItsStatistics() {
        Dataset ds = new Dataset("vectors", data(), new int[] {D}, null, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock used = new SequentialBlock().add(BatchNorm.builder().build());
            SequentialBlock skipped = new SequentialBlock().add(BatchNorm.builder().build());
            used.initialize(m, DataType.FLOAT32, new Shape(2, D));
            skipped.initialize(m, DataType.FLOAT32, new Shape(2, D));
            ParameterStore store = new ParameterStore(m, false);
            for (var a : PreciseBatchNorm.runningArrays(skipped)) {
                a.addi(3f);
            }
            List<float[]> kept = PreciseBatchNorm.runningArrays(skipped).stream().map(a -> a.toFloatArray()).toList();
            PreciseBatchNorm.reestimate(new Block[] {used, skipped}, ds, BATCH, m, (scope, b) -> used.forward(store, new NDList(b), true));
            List<float[]> after = PreciseBatchNorm.runningArrays(skipped).stream().map(a -> a.toFloatArray()).toList();
            for (int i = 0; i < kept.size(); i++) {
                assertThat(after.get(i)).containsExactly(kept.get(i));
            }
            assertThat(PreciseBatchNorm.runningArrays(used).get(0).toFloatArray()[0]).isNotEqualTo(0f);
        }
    }

    @Test
    void aNetworkWithoutBatchNormIsNotRun() {
        Dataset ds = new Dataset("vectors", data(), new int[] {D}, null, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock net = new SequentialBlock().add(Linear.builder().setUnits(H).build());
            net.initialize(m, DataType.FLOAT32, new Shape(2, D));
            int[] calls = {0};
            PreciseBatchNorm.reestimate(new Block[] {net}, ds, BATCH, m, (scope, b) -> calls[0]++);
            assertThat(calls[0]).isZero();
        }
    }

    @Test
    void interleavedBatchesCoverEverySampleOnceWithAtLeastTheBatchSize() {
        int n = 1003;
        int batches = n / 100;
        boolean[] seen = new boolean[n];
        for (int j = 0; j < batches; j++) {
            int[] idx = PreciseBatchNorm.batch(j, batches, n);
            assertThat(idx.length).isBetween(100, 101);
            for (int i : idx) {
                assertThat(seen[i]).isFalse();
                seen[i] = true;
            }
        }
        for (boolean s : seen) {
            assertThat(s).isTrue();
        }
    }

    /** Row 0: the column means; row 1: the columns' unbiased variances. */
    private static double[][] meanAndVariances(double[][] rows) {
        int c = rows[0].length;
        double[][] out = new double[2][c];
        for (int j = 0; j < c; j++) {
            double s = 0;
            for (double[] r : rows) {
                s += r[j];
            }
            double mean = s / rows.length;
            double ss = 0;
            for (double[] r : rows) {
                ss += (r[j] - mean) * (r[j] - mean);
            }
            out[0][j] = mean;
            out[1][j] = ss / (rows.length - 1);
        }
        return out;
    }

    private static Parameter param(Block b, Parameter.Type type) {
        List<Parameter> found = b.getParameters().stream().map(Pair::getValue).filter(p -> p.getType() == type).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static void assertClose(float[] actual, double[] expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], within(1e-4 + 1e-4 * Math.abs(expected[i])));
        }
    }
}
