package org.dclust.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The yardstick of {@code dclust bench}: one phase's epoch written as a plain DJL loop, with none of
 * dclust around it (no epoch loop, events, checkpoints, optimizers of its own or data set class). The
 * data sit on the device as one tensor, batches are gathered from it by index, the networks are DJL
 * blocks built here (the {@code mlp} backbone's architecture, D-500-500-2000-d with a mirrored
 * decoder) and the updates are DJL's own {@link Optimizer}s. Each subclass repeats the arithmetic of
 * one dclust phase: the same losses, batch size, optimizer kind and per-epoch work; the weights start
 * fresh (the cost of an epoch does not depend on their values).
 */
abstract class BareLoop implements AutoCloseable {
    protected final NDManager manager;
    protected final NDArray data;
    protected final int n;
    protected final int k;
    protected final int batchSize;
    protected final ParameterStore store;
    private final Random random;

    protected BareLoop(NDManager parent, float[] values, int n, int k, int batchSize, long seed) {
        this.manager = parent.newSubManager();
        this.n = n;
        this.k = k;
        this.batchSize = batchSize;
        this.data = manager.create(values, new Shape(n, values.length / n));
        this.store = new ParameterStore(manager, false);
        this.random = new Random(seed);
    }

    /** Runs epoch {@code epoch} (0-based) of the phase. */
    abstract void epoch(int epoch);

    /**
     * The floating-point operations of the matrix products in epoch {@code epoch} (0-based), counted
     * as the field does: a forward pass through a linear layer of {@code in x out} weights costs
     * {@code 2 in out} per sample, a training step (forward and backward) three times that; the
     * element-wise work, the losses and the small K-column products are left out. dclust's epoch of
     * the phase does the same products.
     */
    abstract double matmulFlops(int epoch);

    /** Multiply-accumulates per sample of a forward pass through the linear layers of {@code block}. */
    protected static double macs(Block block) {
        double total = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            Shape s = p.getValue().getArray().getShape();
            if (p.getValue().getType() == Parameter.Type.WEIGHT && s.dimension() == 2) {
                total += (double) s.get(0) * s.get(1);
            }
        }
        return total;
    }

    /** FLOPs per sample of a forward pass ({@code 2 macs}). */
    protected static double forwardFlops(Block... blocks) {
        double total = 0;
        for (Block b : blocks) {
            total += 2 * macs(b);
        }
        return total;
    }

    /** FLOPs per sample of a training step through the blocks (forward and backward: 3 forward passes). */
    protected static double trainingFlops(Block... blocks) {
        return 3 * forwardFlops(blocks);
    }

    /** The number of batches of an epoch. */
    protected final int batches() {
        return (n + batchSize - 1) / batchSize;
    }

    /** The number of features of a sample. */
    protected final int features() {
        return (int) data.getShape().get(1);
    }

    /** A fresh random permutation cut into batches (the last one may be short). */
    protected final List<long[]> shuffledBatches() {
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        List<long[]> out = new ArrayList<>();
        for (int s = 0; s < n; s += batchSize) {
            long[] b = new long[Math.min(batchSize, n - s)];
            System.arraycopy(order, s, b, 0, b.length);
            out.add(b);
        }
        return out;
    }

    /** The rows {@code idx} of the data, in {@code scope}. */
    protected final NDArray rows(NDManager scope, long[] idx) {
        NDArray x = data.get(scope.create(idx));
        x.attach(scope);
        return x;
    }

    /** An MLP of Linear + ReLU layers of the given widths with a linear last layer, Xavier-initialised. */
    protected final SequentialBlock mlp(int in, int... widths) {
        SequentialBlock b = new SequentialBlock().add(Blocks.batchFlattenBlock());
        for (int i = 0; i < widths.length; i++) {
            b.add(Linear.builder().setUnits(widths[i]).build());
            if (i < widths.length - 1) {
                b.add(Activation::relu);
            }
        }
        return initialise(b, in);
    }

    /** Initialises {@code b} for inputs of {@code in} features with PyTorch's xavier_uniform_. */
    protected final SequentialBlock initialise(SequentialBlock b, int in) {
        b.setInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3f),
                Parameter.Type.WEIGHT);
        b.initialize(manager, DataType.FLOAT32, new Shape(2, in));
        return b;
    }

    /** The forward pass of {@code block}. */
    protected final NDArray forward(Block block, NDArray x, boolean training) {
        return block.forward(store, new NDList(x), training).singletonOrThrow();
    }

    /** The trainable parameters of the blocks. */
    protected static List<Parameter> trainable(Block... blocks) {
        List<Parameter> out = new ArrayList<>();
        for (Block b : blocks) {
            for (Pair<String, Parameter> p : b.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    out.add(p.getValue());
                }
            }
        }
        return out;
    }

    /** DJL's Adam at a fixed learning rate. */
    protected static Optimizer adam(double lr) {
        return Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) lr)).build();
    }

    /** DJL's SGD with momentum at a fixed learning rate. */
    protected static Optimizer sgd(double lr, double momentum) {
        return Optimizer.sgd().setLearningRateTracker(Tracker.fixed((float) lr)).optMomentum((float) momentum).build();
    }

    /** One optimizer update of every parameter from its gradient (DJL's update zeroes the gradient). */
    protected static void update(Optimizer optimizer, List<Parameter> params, NDManager scope) {
        for (Parameter p : params) {
            NDArray w = p.getArray();
            NDArray g = w.getGradient();
            g.attach(scope);
            optimizer.update(p.getId(), w, g);
        }
    }

    /** Squared distances (b, K) of rows of z (b, d) to rows of c (K, d). */
    protected static NDArray squaredDistances(NDArray z, NDArray c) {
        NDArray zz = z.square().sum(new int[] {1}, true);
        NDArray cc = c.square().sum(new int[] {1}).reshape(1, -1);
        return zz.sub(z.matMul(c.transpose()).mul(2)).add(cc).maximum(0f);
    }

    /** Fuzzy memberships (b, K) with fuzziness m (DCSS eq. 2). */
    protected static NDArray memberships(NDArray z, NDArray c, double m) {
        return squaredDistances(z, c).add(1e-10f).log().mul(-1.0 / (m - 1)).softmax(1);
    }

    /** A copy of {@code a} in {@code scope} that autograd records (so gradients reach {@code a}). */
    protected static NDArray inScope(NDArray a, NDManager scope) {
        return scope.zeros(a.getShape()).add(a);
    }

    /** Replaces {@code centres} by the u^m-weighted means of all codes (DCSS eq. 3, evaluation mode). */
    protected final void refreshCentres(Block encoder, NDArray centres, double m) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray c = inScope(centres, scope);
            NDArray num = scope.zeros(centres.getShape());
            NDArray den = scope.zeros(new Shape(centres.getShape().get(0)));
            for (int s = 0; s < n; s += 1000) {
                NDArray x = data.get(s + ":" + Math.min(n, s + 1000));
                x.attach(scope);
                NDArray z = forward(encoder, x, false);
                NDArray w = memberships(z, c, m).pow((float) m);
                num = num.add(w.transpose().matMul(z));
                den = den.add(w.sum(new int[] {0}));
            }
            centres.set(new NDIndex(":"), num.div(den.expandDims(1)));
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
