package org.dclust.api.toolkit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dclust.api.data.Dataset;
import org.dclust.api.train.InPlace;

/**
 * Precise BatchNorm: the running statistics of every BatchNorm layer of a network re-estimated from its
 * present weights, as the mean over the whole data set of the per-batch statistics that a
 * training-mode forward computes (Wu and Johnson, "Rethinking 'Batch' in BatchNorm", arXiv 2105.07576,
 * section 3.1, "precise BN"; Detectron2's {@code PreciseBN} hook).
 *
 * <p>Why: a training-mode forward normalises with the batch's own statistics, while evaluation mode
 * (final assignments, centre re-estimation, {@code dclust predict}) uses the running statistics, an
 * exponential moving average (DJL's momentum 0.9, PyTorch's 0.1) of batches computed with older
 * weights. With few batches per epoch (a few thousand samples at batch 500) or weights that moved
 * fast, that average lags, and argmax q in evaluation mode disagrees with the partition the training
 * forward produces. Re-estimating after the weights stop moving removes the lag; it changes no
 * trainable parameter.
 *
 * <p>How: batches of {@code batchSize} samples interleaved over the data set in its stored order
 * (batch j holds samples j, j + B, j + 2B, ... for B = max(1, n / batchSize) batches, so every batch
 * has at least {@code batchSize} samples, or all of them, and a data set sorted by class still gives
 * mixed batches; no random draw, so a resumed run re-estimates the same values). For each batch every
 * running array is set to 0 and the caller's training-mode forward runs; the update
 * {@code running = momentum * running + (1 - momentum) * batchStatistic} then leaves
 * {@code (1 - momentum) * batchStatistic}, and the factor is measured once per call on the first batch
 * (running arrays at 1 and at 0: the difference is the momentum), so any momentum, and any BatchNorm
 * that keeps its running statistics as parameters of type {@link Parameter.Type#RUNNING_MEAN} and
 * {@link Parameter.Type#RUNNING_VAR}, is handled; a layer the forward does not reach (momentum 1: a
 * projection head the latent space skips) keeps its statistics. The result is the sample-weighted mean of the batch
 * statistics (the variance: of the unbiased batch variances, as the running update uses them). Cost: one
 * forward pass over the data set, without gradients, plus two of one batch.
 */
public final class PreciseBatchNorm {
    /** A measured momentum this close to 1: the forward did not reach the layer (its arrays are left as they were). */
    private static final double UNREACHED = 1 - 1e-6;

    private PreciseBatchNorm() {
    }

    /** A training-mode forward of a batch (b, sample shape...) through the network whose statistics are re-estimated. */
    @FunctionalInterface
    public interface TrainingForward {
        /** Runs the forward in training mode; its result is discarded (the scope closes it). */
        void run(NDManager scope, NDArray batch);
    }

    /** The running-statistics arrays (BatchNorm means and variances) of {@code blocks}, in parameter order. */
    public static List<NDArray> runningArrays(Block... blocks) {
        List<NDArray> out = new ArrayList<>();
        for (Block b : blocks) {
            for (Pair<String, Parameter> p : b.getParameters()) {
                Parameter.Type t = p.getValue().getType();
                if (t == Parameter.Type.RUNNING_MEAN || t == Parameter.Type.RUNNING_VAR) {
                    out.add(p.getValue().getArray());
                }
            }
        }
        return out;
    }

    /**
     * Re-estimates the running statistics of every BatchNorm layer in {@code blocks} over {@code data}.
     * Does nothing when the blocks hold no BatchNorm.
     *
     * @param blocks the networks the forward passes through (an encoder and a head)
     * @param data the samples (n &ge; 2)
     * @param batchSize samples a batch (&ge; 2: BatchNorm cannot train on one sample)
     * @param manager the parent of each batch's scope
     * @param forward the training-mode forward of a batch through {@code blocks}
     * @throws IllegalArgumentException when n &lt; 2 or batchSize &lt; 2
     */
    public static void reestimate(Block[] blocks, Dataset data, int batchSize, NDManager manager, TrainingForward forward) {
        List<NDArray> running = runningArrays(blocks);
        if (running.isEmpty()) {
            return;
        }
        int n = data.size();
        if (n < 2 || batchSize < 2) {
            throw new IllegalArgumentException("precise BatchNorm needs at least 2 samples and batches of at least 2; got n = "
                    + n + ", batchSize = " + batchSize);
        }
        int batches = Math.max(1, n / batchSize);
        List<float[]> before = new ArrayList<>();
        for (NDArray a : running) {
            before.add(a.toFloatArray());
        }
        double[] momentum = measureMomentum(running, batch(0, batches, n), data, manager, forward);
        List<NDArray> reached = new ArrayList<>();
        List<Double> reachedMomentum = new ArrayList<>();
        for (int a = 0; a < running.size(); a++) {
            if (momentum[a] < UNREACHED) {
                reached.add(running.get(a));
                reachedMomentum.add(momentum[a]);
            } else {
                InPlace.copy(before.get(a), running.get(a));
            }
        }
        running = reached;
        double[][] sums = new double[running.size()][];
        for (int j = 0; j < batches; j++) {
            int[] idx = batch(j, batches, n);
            fill(running, 0f);
            try (NDManager scope = manager.newSubManager()) {
                forward.run(scope, data.batch(scope, idx));
            }
            for (int a = 0; a < running.size(); a++) {
                float[] v = running.get(a).toFloatArray();
                if (sums[a] == null) {
                    sums[a] = new double[v.length];
                }
                double w = idx.length / (1 - reachedMomentum.get(a));
                for (int i = 0; i < v.length; i++) {
                    sums[a][i] += w * v[i];
                }
            }
        }
        for (int a = 0; a < running.size(); a++) {
            float[] mean = new float[sums[a].length];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = (float) (sums[a][i] / n);
            }
            InPlace.copy(mean, running.get(a));
        }
    }

    /** Batch j of {@code batches} interleaved over n samples: j, j + batches, j + 2 batches, ... */
    static int[] batch(int j, int batches, int n) {
        int[] idx = new int[(n - j + batches - 1) / batches];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = j + i * batches;
        }
        return idx;
    }

    /**
     * Each running array's momentum: one forward with the arrays at 1 and one at 0 on the same batch;
     * the update is linear in the old value, so the difference is the momentum (mean over the array's
     * elements).
     */
    private static double[] measureMomentum(List<NDArray> running, int[] idx, Dataset data, NDManager manager,
            TrainingForward forward) {
        float[][] fromOne = new float[running.size()][];
        double[] out = new double[running.size()];
        for (int pass = 0; pass < 2; pass++) {
            fill(running, pass == 0 ? 1f : 0f);
            try (NDManager scope = manager.newSubManager()) {
                forward.run(scope, data.batch(scope, idx));
            }
            for (int a = 0; a < running.size(); a++) {
                float[] v = running.get(a).toFloatArray();
                if (pass == 0) {
                    fromOne[a] = v;
                    continue;
                }
                double d = 0;
                for (int i = 0; i < v.length; i++) {
                    d += fromOne[a][i] - v[i];
                }
                out[a] = d / v.length;
                if (!(out[a] >= 0 && out[a] <= 1 + 1e-6)) {
                    throw new IllegalStateException("a BatchNorm running array updated with momentum " + out[a]
                            + ": not the linear running average precise BatchNorm assumes");
                }
            }
        }
        return out;
    }

    private static void fill(List<NDArray> arrays, float value) {
        for (NDArray a : arrays) {
            float[] v = new float[(int) a.size()];
            Arrays.fill(v, value);
            InPlace.copy(v, a);
        }
    }
}
