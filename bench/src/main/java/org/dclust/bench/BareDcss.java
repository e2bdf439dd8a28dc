package org.dclust.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import java.util.List;

/**
 * Bare DCSS phase 1 (SGD lr 1e-6, momentum 0.9, summed losses of eq. 1, m = 1.5, λ = 0.1). Per-cluster
 * (DCSSu): per batch the memberships from one forward pass, then K updates, the k-th on cluster k's
 * loss; the centres re-estimated (eq. 3) after epochs 1, 3, 5, ... but the last. Aggregated (DCSSagg):
 * an epoch here is one pass with one update per batch on the sum of the K losses (dclust reports a
 * DCSSagg pass as an epoch), with no centre update inside a single DCSSu-equivalent epoch.
 */
final class BareDcss extends BareAutoEncoder {
    private static final double M = 1.5;
    private static final float LAMBDA = 0.1f;
    private final boolean aggregated;
    private final int epochs;
    private final Optimizer sgd = sgd(1e-6, 0.9);
    private final List<Parameter> params = allParameters();

    BareDcss(NDManager parent, float[] values, int n, int k, int batchSize, long seed, boolean aggregated, int epochs) {
        super(parent, values, n, k, batchSize, seed);
        this.aggregated = aggregated;
        this.epochs = epochs;
    }

    @Override
    double matmulFlops(int epoch) {
        if (aggregated) {
            return n * trainingFlops(encoder, decoder);
        }
        // one forward pass for the memberships, then K training steps per batch, and the centre refresh
        double flops = n * (forwardFlops(encoder) + k * trainingFlops(encoder, decoder));
        return refreshes(epoch) ? flops + n * forwardFlops(encoder) : flops;
    }

    private boolean refreshes(int epoch) {
        return !aggregated && epoch + 1 < epochs && (epoch + 1) % 2 == 1;
    }

    @Override
    void epoch(int epoch) {
        for (long[] idx : shuffledBatches()) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = rows(scope, idx);
                NDArray c = inScope(centres, scope);
                if (aggregated) {
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray z = forward(encoder, x, true);
                        NDArray recon = forward(decoder, z, true);
                        NDArray w = memberships(z.stopGradient(), c, M).pow((float) M);
                        gc.backward(loss(x, recon, z, w, c));
                    }
                    update(sgd, params, scope);
                } else {
                    NDArray w = memberships(forward(encoder, x, true), c, M).pow((float) M);
                    for (int j = 0; j < k; j++) {
                        NDArray wj = w.get(new NDIndex(":, {}:{}", j, j + 1));
                        NDArray cj = c.get(new NDIndex("{}:{}", j, j + 1));
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDArray z = forward(encoder, x, true);
                            gc.backward(loss(x, forward(decoder, z, true), z, wj, cj));
                        }
                        update(sgd, params, scope);
                    }
                }
            }
        }
        if (refreshes(epoch)) {
            refreshCentres(encoder, centres, M);
        }
    }

    /** Σ_i (Σ_k w_ik) ‖x_i − x̂_i‖² + λ Σ_i Σ_k w_ik ‖z_i − c_k‖². */
    private static NDArray loss(NDArray x, NDArray recon, NDArray z, NDArray w, NDArray c) {
        NDArray rec = summedSquaredError(recon, x).mul(w.sum(new int[] {1})).sum();
        NDArray cen = z.expandDims(1).sub(c.expandDims(0)).square().sum(new int[] {2}).mul(w).sum();
        return rec.add(cen.mul(LAMBDA));
    }
}
