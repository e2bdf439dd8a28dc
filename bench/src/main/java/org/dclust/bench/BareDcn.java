package org.dclust.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import java.util.List;

/**
 * Bare DCN (SGD lr 3.125e-4, momentum 0.9, λ = 40, batch 128 as dcn's defaults; DJL's SGD has no
 * Nesterov form, whose step costs the same): per batch one update on the summed squared
 * reconstruction error + λ/2 ‖z − c_assigned‖² (batch means), then codes in evaluation mode,
 * nearest-centre assignments and the per-cluster count rule for the centres (counts from 100).
 */
final class BareDcn extends BareAutoEncoder {
    private final Optimizer sgd = sgd(3.125e-4, 0.9);
    private final List<Parameter> params = allParameters();
    private final NDArray assignments;
    private final NDArray counts;

    BareDcn(NDManager parent, float[] values, int n, int k, int batchSize, long seed) {
        super(parent, values, n, k, batchSize, seed);
        assignments = manager.zeros(new Shape(n), DataType.INT64);
        counts = manager.full(new Shape(k), 100f);
    }

    @Override
    double matmulFlops(int epoch) {
        // a training step, then the codes again in evaluation mode for the assignments
        return n * (trainingFlops(encoder, decoder) + forwardFlops(encoder));
    }

    @Override
    void epoch(int epoch) {
        for (long[] idx : shuffledBatches()) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = rows(scope, idx);
                NDArray where = scope.create(idx);
                NDArray s = assignments.get(where);
                s.attach(scope);
                NDArray c = inScope(centres, scope);
                NDArray assigned = c.get(s);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray z = forward(encoder, x, true);
                    NDArray rec = summedSquaredError(forward(decoder, z, true), x).mean();
                    NDArray clu = z.sub(assigned).square().sum(new int[] {1}).mean();
                    gc.backward(rec.add(clu.mul(20f)));
                }
                update(sgd, params, scope);
                NDArray z = forward(encoder, x, false);
                NDArray fresh = squaredDistances(z, c).argMin(1);
                NDArray oneHot = fresh.oneHot(k);
                NDArray cnt = inScope(counts, scope);
                NDArray newCounts = cnt.add(oneHot.sum(new int[] {0}));
                centres.set(new NDIndex(":"), c.mul(cnt.reshape(k, 1)).add(oneHot.transpose().matMul(z)).div(newCounts.reshape(k, 1)));
                counts.set(new NDIndex(":"), newCounts);
                assignments.set(new NDIndex("{}", where), fresh);
            }
        }
    }
}
