package org.dclust.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import java.util.List;

/**
 * Bare R-DC proximity refinement (the {@code proximity} refiner's arithmetic at its defaults): every
 * {@code interval} epochs the codes of all samples (evaluation mode), their exact 10-nearest-neighbour
 * graph by blocked products and top-k, the mutual links, the reliable samples (at least 3 mutual
 * links) and each one's target (the mean code of its mutual neighbours); per batch the mean squared
 * distance of the reliable codes to their targets, weighted by β rising over {@code fadeEpochs}
 * epochs, plus (1 − β) times the reconstruction's MSE while β &lt; 1 (both terms over their scales
 * at the build and at the start), Adam 1e-4 on the encoder and, while it reconstructs, on the decoder.
 */
final class BareProximity extends BareAutoEncoder {
    private static final int M = 10;
    private static final int MIN_TRUSTED = 3;
    private final int interval;
    private final long fadeSteps;
    private final Optimizer encoderAdam = adam(1e-4);
    private final Optimizer decoderAdam = adam(1e-4);
    private final List<Parameter> encoderParams;
    private final List<Parameter> decoderParams;
    private final double reconstructionScale;
    private float[] targets;
    private float[] reliable;
    private double scale;
    private long steps;

    BareProximity(NDManager parent, float[] values, int n, int k, int batchSize, long seed, int interval, int fadeEpochs) {
        super(parent, values, n, k, batchSize, seed);
        this.interval = interval;
        this.fadeSteps = (long) fadeEpochs * batches();
        encoderParams = trainable(encoder);
        decoderParams = trainable(decoder);
        double rec = 0;
        try (NDManager scope = manager.newSubManager()) {
            for (int s = 0; s < n; s += 1000) {
                NDArray x = data.get(s + ":" + Math.min(n, s + 1000));
                x.attach(scope);
                rec += forward(decoder, forward(encoder, x, false), false).sub(x).square().mean().getFloat() * (Math.min(n, s + 1000) - s);
            }
        }
        reconstructionScale = rec / n;
        build();
    }

    @Override
    double matmulFlops(int epoch) {
        boolean fading = (long) epoch * batches() < fadeSteps;
        double flops = n * (fading ? trainingFlops(encoder, decoder) : trainingFlops(encoder));
        if ((epoch + 1) % interval == 0) {
            flops += n * forwardFlops(encoder) + 2.0 * n * n * LATENT;
        }
        return flops;
    }

    @Override
    void epoch(int epoch) {
        for (long[] idx : shuffledBatches()) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = rows(scope, idx);
                int b = idx.length;
                float[] t = new float[b * LATENT];
                float[] r = new float[b];
                int count = 0;
                for (int j = 0; j < b; j++) {
                    System.arraycopy(targets, (int) idx[j] * LATENT, t, j * LATENT, LATENT);
                    r[j] = reliable[(int) idx[j]];
                    count += (int) r[j];
                }
                double beta = fadeSteps <= 0 ? 1 : Math.min(1, (steps + 1) / (double) fadeSteps);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray z = forward(encoder, x, true);
                    NDArray loss = z.sub(scope.create(t, new Shape(b, LATENT))).square().sum(new int[] {1}).mul(scope.create(r)).sum()
                            .mul((float) (beta / (Math.max(1, count) * scale)));
                    if (beta < 1) {
                        loss = loss.add(forward(decoder, z, true).sub(x).square().mean().mul((float) ((1 - beta) / reconstructionScale)));
                    }
                    gc.backward(loss);
                }
                update(encoderAdam, encoderParams, scope);
                if (beta < 1) {
                    update(decoderAdam, decoderParams, scope);
                }
                steps++;
            }
        }
        if ((epoch + 1) % interval == 0) {
            build();
        }
    }

    /** The graph of the current codes, its mutual links, the reliable samples and their targets. */
    private void build() {
        float[] z = new float[n * LATENT];
        int[] nb = new int[n * M];
        try (NDManager scope = manager.newSubManager()) {
            for (int s = 0; s < n; s += 1000) {
                NDArray x = data.get(s + ":" + Math.min(n, s + 1000));
                x.attach(scope);
                System.arraycopy(forward(encoder, x, false).toFloatArray(), 0, z, s * LATENT, (Math.min(n, s + 1000) - s) * LATENT);
            }
            NDArray all = scope.create(z, new Shape(n, LATENT));
            all = all.sub(all.mean(new int[] {0}));
            int block = Math.max(1, Math.min(n, (1 << 23) / n));
            for (int s = 0; s < n; s += block) {
                int e = Math.min(n, s + block);
                try (NDManager blockScope = scope.newSubManager()) {
                    NDArray rowsOf = all.get(s + ":" + e);
                    rowsOf.attach(blockScope);
                    long[] top = squaredDistances(rowsOf, all).topK(M + 1, 1, false, true).get(1).toLongArray();
                    for (int i = s; i < e; i++) {
                        int at = 0;
                        for (int j = 0; j <= M && at < M; j++) {
                            if (top[(i - s) * (M + 1) + j] != i) {
                                nb[i * M + at++] = (int) top[(i - s) * (M + 1) + j];
                            }
                        }
                    }
                }
            }
        }
        targets = new float[n * LATENT];
        reliable = new float[n];
        double sum = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            double[] c = new double[LATENT];
            int trusted = 0;
            for (int a = 0; a < M; a++) {
                int j = nb[i * M + a];
                boolean mutual = false;
                for (int q = 0; q < M && !mutual; q++) {
                    mutual = nb[j * M + q] == i;
                }
                if (mutual) {
                    trusted++;
                    for (int t = 0; t < LATENT; t++) {
                        c[t] += z[j * LATENT + t];
                    }
                }
            }
            reliable[i] = trusted >= MIN_TRUSTED ? 1 : 0;
            for (int t = 0; t < LATENT; t++) {
                targets[i * LATENT + t] = trusted == 0 ? z[i * LATENT + t] : (float) (c[t] / trusted);
                if (reliable[i] == 1) {
                    double diff = z[i * LATENT + t] - targets[i * LATENT + t];
                    sum += diff * diff;
                }
            }
            count += (int) reliable[i];
        }
        scale = count == 0 || sum <= 0 ? 1 : sum / count;
    }
}
