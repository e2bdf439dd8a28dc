package org.dclust.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Bare DEC (SGD lr 0.01, momentum 0.9; encoder and centres; KL(P‖Q) with Student's t, α = 1) or IDEC
 * (Adam lr 1e-3; encoder, decoder and centres; mean squared error + γ KL, γ = 0.1). The target P is
 * recomputed over the whole data set (evaluation mode, chunks of 1,024) every 140 iterations, counted
 * across epochs, with the fraction of changed labels, as dclust does.
 */
final class BareDec extends BareAutoEncoder {
    private static final int UPDATE_INTERVAL = 140;
    private final boolean improved;
    private final Optimizer optimizer;
    private final List<Parameter> params;
    private NDArray target;
    private NDArray labels;
    private long iterations;

    BareDec(NDManager parent, float[] values, int n, int k, int batchSize, long seed, boolean improved) {
        super(parent, values, n, k, batchSize, seed);
        this.improved = improved;
        this.optimizer = improved ? adam(1e-3) : sgd(0.01, 0.9);
        centres.setRequiresGradient(true);
        List<Parameter> p = new ArrayList<>(improved ? allParameters() : trainable(encoder));
        p.add(Parameter.builder().setName("centres").setType(Parameter.Type.WEIGHT).optArray(centres).optRequiresGrad(true).build());
        this.params = p;
        this.labels = manager.zeros(new ai.djl.ndarray.types.Shape(n), DataType.INT64);
    }

    @Override
    double matmulFlops(int epoch) {
        // the target is refreshed (a forward pass over all data) at every multiple of the interval
        long first = (long) epoch * batches();
        long refreshes = (first + batches() - 1) / UPDATE_INTERVAL - (first - 1) / UPDATE_INTERVAL + (first == 0 ? 1 : 0);
        double step = improved ? trainingFlops(encoder, decoder) : trainingFlops(encoder);
        return n * step + refreshes * n * forwardFlops(encoder);
    }

    @Override
    void epoch(int epoch) {
        for (long[] idx : shuffledBatches()) {
            try (NDManager scope = manager.newSubManager()) {
                if (iterations % UPDATE_INTERVAL == 0) {
                    refreshTarget(scope);
                }
                iterations++;
                NDArray x = rows(scope, idx);
                NDArray p = target.get(scope.create(idx));
                p.attach(scope);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray z = forward(encoder, x, true);
                    NDArray q = studentT(z, inScope(centres, scope));
                    NDArray loss = p.mul(p.maximum(1e-12f).log().sub(q.maximum(1e-12f).log())).sum(new int[] {1}).mean();
                    if (improved) {
                        loss = loss.mul(0.1f).add(forward(decoder, z, true).sub(x).square().mean());
                    }
                    gc.backward(loss);
                }
                update(optimizer, params, scope);
            }
        }
    }

    private void refreshTarget(NDManager scope) {
        NDList parts = new NDList();
        for (int s = 0; s < n; s += 1024) {
            NDArray x = data.get(s + ":" + Math.min(n, s + 1024));
            x.attach(scope);
            parts.add(studentT(forward(encoder, x, false), inScope(centres, scope)));
        }
        NDArray q = NDArrays.concat(parts, 0);
        NDArray fresh = q.argMax(1);
        fresh.neq(labels).toType(DataType.INT64, false).sum().getLong(); // the changed fraction dclust reports
        NDArray weight = q.square().div(q.sum(new int[] {0}, true));
        NDArray p = weight.div(weight.sum(new int[] {1}, true));
        p.attach(manager);
        fresh.attach(manager);
        if (target != null) {
            target.close();
            labels.close();
        }
        target = p;
        labels = fresh;
    }

    /** Student's t soft assignment with α = 1 (DEC eq. 1). */
    private static NDArray studentT(NDArray z, NDArray c) {
        NDArray kernel = squaredDistances(z, c).add(1).pow(-1);
        return kernel.div(kernel.sum(new int[] {1}, true));
    }
}
