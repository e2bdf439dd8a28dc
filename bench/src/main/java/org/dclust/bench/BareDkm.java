package org.dclust.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Bare DKM (Adam lr 1e-3, λ = 1): per batch one update on the summed squared reconstruction error +
 * λ Σ_k ‖z − r_k‖² softmin_k(α) (batch means), representatives trained with the network, α annealed
 * per epoch from 0.1 by α_{n+1} = 2^(1/ln(n+1)²) α_n.
 */
final class BareDkm extends BareAutoEncoder {
    private final Optimizer adam = adam(1e-3);
    private final List<Parameter> params;

    BareDkm(NDManager parent, float[] values, int n, int k, int batchSize, long seed) {
        super(parent, values, n, k, batchSize, seed);
        centres.setRequiresGradient(true);
        List<Parameter> p = new ArrayList<>(allParameters());
        p.add(Parameter.builder().setName("centres").setType(Parameter.Type.WEIGHT).optArray(centres).optRequiresGrad(true).build());
        params = p;
    }

    @Override
    double matmulFlops(int epoch) {
        return n * trainingFlops(encoder, decoder);
    }

    @Override
    void epoch(int epoch) {
        double alpha = 0.1;
        for (int i = 1; i <= epoch; i++) {
            alpha *= Math.pow(2, 1 / (Math.log(i + 1) * Math.log(i + 1)));
        }
        for (long[] idx : shuffledBatches()) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = rows(scope, idx);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray z = forward(encoder, x, true);
                    NDArray rec = summedSquaredError(forward(decoder, z, true), x).mean();
                    NDArray d2 = squaredDistances(z, inScope(centres, scope));
                    NDArray clu = d2.mul(d2.mul((float) -alpha).softmax(1)).sum(new int[] {1}).mean();
                    gc.backward(rec.add(clu));
                }
                update(adam, params, scope);
            }
        }
    }
}
