package org.dclust.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import java.util.List;

/** Bare autoencoder pretraining: per batch one Adam step (lr 1e-3) on the mean squared error. */
final class BarePretrain extends BareAutoEncoder {
    private final Optimizer adam = adam(1e-3);
    private final List<Parameter> params = allParameters();

    BarePretrain(NDManager parent, float[] values, int n, int k, int batchSize, long seed) {
        super(parent, values, n, k, batchSize, seed);
    }

    @Override
    double matmulFlops(int epoch) {
        return n * trainingFlops(encoder, decoder);
    }

    @Override
    void epoch(int epoch) {
        for (long[] idx : shuffledBatches()) {
            try (NDManager scope = manager.newSubManager()) {
                reconstructionGradients(scope, idx);
                update(adam, params, scope);
            }
        }
    }
}
