package org.dclust.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Bare DCSS phase 2: MNet d-128-128-K (BatchNorm, ReLU, soft-max) on the encoder, both trained per
 * batch (Adam, lr 1e-3 for MNet and 1e-5 for the encoder) on the pairwise loss of eqs. 4-5 (similar
 * above ζ = 0.8, dissimilar below γ = 0.2, q clamped at 0.01/0.99, summed, times 1e-3); the
 * similarity comes from the fuzzy memberships for the first {@code uEpochs} epochs, whose ends
 * re-estimate the centres, then from q. Every batch takes its step (dclust skips a batch without
 * any confident pair, which a pretrained encoder does not produce). After every epoch, as dclust's
 * default {@code mnet.preciseBatchNorm}, the BatchNorm running statistics are re-estimated: per batch
 * of an interleaved pass over the data, the running arrays zeroed, a training-mode forward, the
 * arrays read back (divided by 1 - momentum 0.9) and averaged.
 */
final class BareMnet extends BareAutoEncoder {
    private final int uEpochs;
    private final SequentialBlock head;
    private final Optimizer headAdam = adam(1e-3);
    private final Optimizer encoderAdam = adam(1e-5);
    private final List<Parameter> headParams;
    private final List<Parameter> encoderParams;

    BareMnet(NDManager parent, float[] values, int n, int k, int batchSize, long seed, int uEpochs) {
        super(parent, values, n, k, batchSize, seed);
        this.uEpochs = uEpochs;
        SequentialBlock h = new SequentialBlock();
        for (int i = 0; i < 2; i++) {
            h.add(Linear.builder().setUnits(128).build()).add(BatchNorm.builder().build()).add(Activation::relu);
        }
        h.add(Linear.builder().setUnits(k).build());
        head = initialise(h, LATENT);
        headParams = trainable(head);
        encoderParams = trainable(encoder);
    }

    @Override
    double matmulFlops(int epoch) {
        // encoder and head trained per batch; in the u epochs the centres are re-estimated at the end
        double flops = n * trainingFlops(encoder, head) + n * forwardFlops(encoder, head);
        return epoch < uEpochs ? flops + n * forwardFlops(encoder) : flops;
    }

    @Override
    void epoch(int epoch) {
        boolean uSpace = epoch < uEpochs;
        for (long[] idx : shuffledBatches()) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = rows(scope, idx);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray z = forward(encoder, x, true);
                    NDArray q = forward(head, z, true).softmax(1);
                    NDArray ref = uSpace ? memberships(z.stopGradient(), inScope(centres, scope), 1.5) : q.stopGradient();
                    NDArray sim = ref.matMul(ref.transpose());
                    NDArray similar = sim.gt(0.8f).toType(DataType.FLOAT32, false);
                    NDArray dissimilar = sim.lt(0.2f).toType(DataType.FLOAT32, false);
                    NDArray hi = NDArrays.where(q.gt(0.99f), q.onesLike(), q);
                    NDArray qc = NDArrays.where(hi.lt(0.01f), hi.zerosLike(), hi);
                    NDArray qq = qc.matMul(qc.transpose());
                    gc.backward(similar.sub(similar.mul(qq)).add(dissimilar.mul(qq)).sum().mul(1e-3f));
                }
                update(headAdam, headParams, scope);
                update(encoderAdam, encoderParams, scope);
            }
        }
        reestimateBatchNorm();
        if (uSpace) {
            refreshCentres(encoder, centres, 1.5);
        }
    }

    private void reestimateBatchNorm() {
        List<NDArray> running = new ArrayList<>();
        for (Pair<String, Parameter> p : head.getParameters()) {
            Parameter.Type t = p.getValue().getType();
            if (t == Parameter.Type.RUNNING_MEAN || t == Parameter.Type.RUNNING_VAR) {
                running.add(p.getValue().getArray());
            }
        }
        int batches = Math.max(1, n / batchSize);
        double[][] sums = new double[running.size()][];
        for (int j = 0; j < batches; j++) {
            long[] idx = new long[(n - j + batches - 1) / batches];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = j + (long) i * batches;
            }
            for (NDArray a : running) {
                a.muli(0);
            }
            try (NDManager scope = manager.newSubManager()) {
                forward(head, forward(encoder, rows(scope, idx), true), true);
            }
            for (int a = 0; a < running.size(); a++) {
                float[] v = running.get(a).toFloatArray();
                if (sums[a] == null) {
                    sums[a] = new double[v.length];
                }
                for (int i = 0; i < v.length; i++) {
                    sums[a][i] += v[i] * 10.0 * idx.length;
                }
            }
        }
        for (int a = 0; a < running.size(); a++) {
            float[] mean = new float[sums[a].length];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = (float) (sums[a][i] / n);
            }
            running.get(a).set(FloatBuffer.wrap(mean));
        }
    }
}
