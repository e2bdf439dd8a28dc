package org.dclust.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dclust.api.param.Params;
import org.dclust.api.spi.BackboneProvider;
import org.dclust.api.spi.Plugins;
import org.dclust.api.toolkit.augment.AugmentationPipeline;
import org.dclust.api.toolkit.augment.AugmentationRecipe;
import org.dclust.api.toolkit.augment.ImageAugmentation;

/**
 * Bare MoCo v2 epoch: the {@code resnet} trunk with MoCo v2's head Linear(d, d)-ReLU-Linear(d, 128) and
 * L2 normalisation as the query encoder, a copy as the key encoder; per batch (full batches only)
 * two views by the {@code grey28}/{@code colour32} recipe, the key encoder moved by momentum 0.99,
 * the key batch shuffled and encoded in 8 slices of the batch, the query batch encoded in 8 slices
 * inside the gradient collector, InfoNCE at T = 0.2 against a queue of {@code queue} keys, the keys
 * enqueued, and DJL's SGD (momentum 0.9, weight decay 1e-4) at the cosine rate of the epoch.
 *
 * <p>What is shared with dclust, and so not compared: the trunk's DJL blocks come from the
 * {@code resnet} plugin (built through the api by name, as any plugin's network is), and the views
 * from the toolkit's augmentations (the issue allows it: the augmentation is not what is being
 * measured). The rest is DJL alone.
 */
final class BareMoco extends BareLoop {
    static final int DIM = 128;
    static final int SPLITS = 8;
    static final double WEIGHT_DECAY = 1e-4;
    static final double KEY_MOMENTUM = 0.99;
    static final float TEMPERATURE = 0.2f;
    private final int[] image;
    private final int epochs;
    private final SequentialBlock query;
    private final SequentialBlock key;
    private final List<Parameter> queryParams;
    private final List<Parameter> keyParams;
    private final NDArray queue;
    private final AugmentationPipeline views;
    private final Optimizer sgd;
    private final double imageMacs;
    private final Random random;
    private final double lr;
    /** The cosine schedule's rate for the epoch being run. */
    private float epochLr;
    private int pointer;

    /**
     * @param image the samples' [C, H, W]
     * @param trunk the resnet parameters dclust's run uses
     * @param queueSize K, a multiple of the batch size
     * @param lr the initial learning rate of the cosine schedule over {@code epochs}
     */
    BareMoco(NDManager parent, float[] values, int n, int k, int batchSize, long seed, int[] image, Map<String, Object> trunk,
            int queueSize, double lr, int epochs) {
        super(parent, values, n, k, batchSize, seed);
        this.image = image.clone();
        this.epochs = epochs;
        this.random = new Random(seed + 1);
        this.query = encoder(trunk);
        this.key = encoder(trunk);
        this.queryParams = trainable(query);
        this.keyParams = trainable(key);
        for (int i = 0; i < queryParams.size(); i++) {
            keyParams.get(i).getArray().set(new NDIndex(":"), queryParams.get(i).getArray());
        }
        float[] q = new float[queueSize * DIM];
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) random.nextGaussian();
        }
        NDArray raw = manager.create(q, new Shape(queueSize, DIM));
        this.queue = raw.div(raw.norm(new int[] {1}, true));
        this.views = AugmentationRecipe.parse(image[0] == 3 ? "colour32" : "grey28")
                .pipeline(image[0], image[1], image[2], ImageAugmentation.PixelRange.of(values));
        this.lr = lr;
        this.sgd = Optimizer.sgd().setLearningRateTracker((parameter, update) -> epochLr).optMomentum(0.9f).optWeightDecays((float) WEIGHT_DECAY).build();
        this.imageMacs = macs(query, new Shape(1, image[0], image[1], image[2]));
    }

    /** The trunk's blocks from the resnet plugin, then the head and the normalisation, initialised. */
    private SequentialBlock encoder(Map<String, Object> trunk) {
        BackboneProvider p = Plugins.find(BackboneProvider.class, "resnet");
        var backbone = p.create(Params.resolve(p.name(), p.parameters(), trunk));
        Block body = backbone.build(manager.newSubManager(), image).encoderBlock();
        int d = backbone.latentDim();
        SequentialBlock b = new SequentialBlock().add(body).add(Linear.builder().setUnits(d).build()).add(Activation::relu)
                .add(Linear.builder().setUnits(DIM).build())
                .add(x -> new NDList(x.singletonOrThrow().div(x.singletonOrThrow().norm(new int[] {1}, true))));
        b.initialize(manager, DataType.FLOAT32, new Shape(2, image[0], image[1], image[2]));
        return b;
    }

    /**
     * Per sample: the query's forward and backward (3 forward passes) and the key's forward, in
     * multiply-accumulates of the convolutions and linear layers ×2, plus the logits against the
     * queue (b × DIM × K, forward and backward); full batches only.
     */
    @Override
    double matmulFlops(int epoch) {
        long trained = (long) (n / batchSize) * batchSize;
        return trained * (4 * 2 * imageMacs + 3 * 2.0 * DIM * (queue.getShape().get(0) + 1));
    }

    @Override
    void epoch(int epoch) {
        epochLr = (float) (lr * 0.5 * (1 + Math.cos(Math.PI * epoch / epochs)));
        List<long[]> batches = shuffledBatches();
        for (int b = 0; b < n / batchSize; b++) {
            long[] idx = batches.get(b);
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = rows(scope, idx).reshape(idx.length, image[0], image[1], image[2]);
                NDArray xq = views.apply(x, new Random(random.nextLong()));
                NDArray xk = views.apply(x, new Random(random.nextLong()));
                for (int i = 0; i < queryParams.size(); i++) {
                    NDArray share = queryParams.get(i).getArray().mul((float) (1 - KEY_MOMENTUM));
                    share.attach(scope);
                    keyParams.get(i).getArray().muli((float) KEY_MOMENTUM).addi(share);
                }
                long[] perm = permutation(idx.length);
                long[] inverse = new long[perm.length];
                for (int i = 0; i < perm.length; i++) {
                    inverse[(int) perm[i]] = i;
                }
                NDArray k = sliced(key, xk.get(scope.create(perm))).get(scope.create(inverse));
                NDArray negatives = scope.zeros(queue.getShape()).add(queue);
                NDArray loss;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray q = sliced(query, xq);
                    NDArray logits = NDArrays.concat(new NDList(q.mul(k).sum(new int[] {1}, true), q.matMul(negatives.transpose())), 1)
                            .div(TEMPERATURE);
                    loss = logits.logSoftmax(1).get(new NDIndex(":, 0")).mean().neg();
                    gc.backward(loss);
                }
                queue.set(new NDIndex("{}:{}", pointer, pointer + idx.length), k);
                pointer = (pointer + idx.length) % (int) queue.getShape().get(0);
                update(sgd, queryParams, scope);
            }
        }
    }

    /** Codes of a batch encoded in {@link #SPLITS} slices, each its own batch-norm batch. */
    private NDArray sliced(Block net, NDArray x) {
        NDList out = new NDList();
        for (NDArray s : x.split(SPLITS, 0)) {
            out.add(forward(net, s, true));
        }
        return NDArrays.concat(out, 0);
    }

    private long[] permutation(int size) {
        long[] p = new long[size];
        for (int i = 0; i < size; i++) {
            p[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * Multiply-accumulates of one sample's forward pass through the convolutions and linear layers of
     * {@code block}, following the shapes through sequences and parallel branches.
     */
    static double macs(Block block, Shape in) {
        if (block instanceof SequentialBlock s) {
            double total = 0;
            Shape shape = in;
            for (Pair<String, Block> child : s.getChildren()) {
                total += macs(child.getValue(), shape);
                shape = child.getValue().getOutputShapes(new Shape[] {shape})[0];
            }
            return total;
        }
        if (block instanceof ParallelBlock p) {
            double total = 0;
            for (Pair<String, Block> child : p.getChildren()) {
                total += macs(child.getValue(), in);
            }
            return total;
        }
        Parameter w = block.getParameters().isEmpty() ? null : block.getParameters().get("weight");
        if (block instanceof Conv2d && w != null) {
            Shape out = block.getOutputShapes(new Shape[] {in})[0];
            return (double) w.getArray().getShape().size() * out.get(2) * out.get(3);
        }
        if (block instanceof Linear && w != null) {
            return w.getArray().getShape().size();
        }
        return 0;
    }
}
