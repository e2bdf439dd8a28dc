package org.dclust.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.dclust.api.param.Params;
import org.dclust.api.spi.BackboneProvider;
import org.dclust.api.spi.Plugins;
import org.dclust.api.toolkit.augment.AugmentationPipeline;
import org.dclust.api.toolkit.augment.AugmentationRecipe;
import org.dclust.api.toolkit.augment.ImageAugmentation;

/**
 * Bare SeCu epoch: the {@code resnet} trunk with SeCu's head Linear(d, d)-BatchNorm-ReLU-Linear(d, 128)
 * and L2 normalisation; heads of K, 2K, ... centres (normalised in every forward pass), frozen copies
 * taken at the epoch's start, dual variables and a label memory per head. Per batch (all batches, the
 * last one short): two views ({@code grey28} and the same with solarize p = 0.2, or SeCu's CIFAR pair
 * for colour), both encoded inside the gradient collector; per head the scores of the detached
 * features, the assignment argmax(mean score + ρ) and the dual step, the representation loss against
 * the frozen centres with targets mixing the other view's softmax and the previous labels, the centre
 * loss whose only live logit is the assigned one; then DJL's SGD (momentum 0.9, weight decay 1e-4) in
 * two rate groups, the encoder at the warm-up-and-cosine rate and the centres at a constant rate.
 *
 * <p>Shared with dclust, and so not compared: the trunk's DJL blocks from the {@code resnet} plugin and
 * the views from the toolkit's augmentations. The rest is DJL alone.
 */
final class BareSecu extends BareLoop {
    static final int DIM = 128;
    static final int HEADS = 3;
    static final double LR = 0.2;
    static final double CENTRE_LR = 1.2;
    static final int WARM_UP = 3;
    private static final float TX = 0.05f;
    private static final float TW = 0.05f;
    private static final float TAU = 0.2f;
    private static final float ETA = 0.1f;
    private static final float GAMMA = 0.9f;
    private final int[] image;
    private final int epochs;
    private final SequentialBlock encoder;
    private final List<Parameter> params;
    private final List<Parameter> centres = new ArrayList<>();
    private final List<NDArray> frozen = new ArrayList<>();
    private final List<NDArray> duals = new ArrayList<>();
    private final List<long[]> memory = new ArrayList<>();
    private final AugmentationPipeline first;
    private final AugmentationPipeline second;
    private final Optimizer sgd;
    private final double imageMacs;
    private final Random random;
    private float encoderLr;

    /**
     * @param image the samples' [C, H, W]
     * @param trunk the resnet parameters dclust's run uses
     * @param epochs the schedule's length
     */
    BareSecu(NDManager parent, float[] values, int n, int k, int batchSize, long seed, int[] image, Map<String, Object> trunk, int epochs) {
        super(parent, values, n, k, batchSize, seed);
        this.image = image.clone();
        this.epochs = epochs;
        this.random = new Random(seed + 1);
        this.encoder = encoder(trunk);
        this.params = trainable(encoder);
        Set<String> centreIds = new HashSet<>();
        for (int h = 0; h < HEADS; h++) {
            int kh = (h + 1) * k;
            float[] init = new float[kh * DIM];
            for (int i = 0; i < init.length; i++) {
                init[i] = (float) random.nextGaussian();
            }
            NDArray raw = manager.create(init, new Shape(kh, DIM));
            NDArray c = raw.div(raw.norm(new int[] {1}, true));
            c.setRequiresGradient(true);
            Parameter p = Parameter.builder().setName("centres" + h).setType(Parameter.Type.WEIGHT).optArray(c).optRequiresGrad(true).build();
            centres.add(p);
            centreIds.add(p.getId());
            frozen.add(manager.zeros(new Shape(kh, DIM)));
            duals.add(manager.zeros(new Shape(kh)));
            memory.add(new long[n]);
        }
        params.addAll(centres);
        String[] recipes = image[0] == 3 ? new String[] {"secu32", "secu32:blur=0.1,solarize=0.2"} : new String[] {"grey28", "grey28:solarize=0.2"};
        this.first = AugmentationRecipe.parse(recipes[0]).pipeline(image[0], image[1], image[2], ImageAugmentation.PixelRange.of(values));
        this.second = AugmentationRecipe.parse(recipes[1]).pipeline(image[0], image[1], image[2], ImageAugmentation.PixelRange.of(values));
        this.sgd = Optimizer.sgd().setLearningRateTracker((id, update) -> centreIds.contains(id) ? (float) CENTRE_LR : encoderLr)
                .optMomentum(0.9f).optWeightDecays(1e-4f).build();
        this.imageMacs = BareMoco.macs(encoder, new Shape(1, image[0], image[1], image[2]));
    }

    /** The trunk's blocks from the resnet plugin, then SeCu's head and the normalisation, initialised. */
    private SequentialBlock encoder(Map<String, Object> trunk) {
        BackboneProvider p = Plugins.find(BackboneProvider.class, "resnet");
        var backbone = p.create(Params.resolve(p.name(), p.parameters(), trunk));
        Block body = backbone.build(manager.newSubManager(), image).encoderBlock();
        int d = backbone.latentDim();
        SequentialBlock b = new SequentialBlock().add(body).add(Linear.builder().setUnits(d).build()).add(BatchNorm.builder().build())
                .add(Activation::relu).add(Linear.builder().setUnits(DIM).build())
                .add(x -> new NDList(x.singletonOrThrow().div(x.singletonOrThrow().norm(new int[] {1}, true))));
        b.initialize(manager, DataType.FLOAT32, new Shape(2, image[0], image[1], image[2]));
        return b;
    }

    /**
     * Per sample: two views' forward and backward through the encoder (3 forward passes each), and per
     * head four products with the centres (two views, the live and the frozen centres), forward and
     * backward, in multiply-accumulates ×2.
     */
    @Override
    double matmulFlops(int epoch) {
        double heads = 0;
        for (int h = 0; h < HEADS; h++) {
            heads += 4 * 3 * 2.0 * DIM * (h + 1) * k;
        }
        return (double) n * (2 * 3 * 2 * imageMacs + heads);
    }

    @Override
    void epoch(int epoch) {
        int perEpoch = batches();
        for (int h = 0; h < HEADS; h++) {
            NDArray c = centres.get(h).getArray();
            frozen.get(h).set(new NDIndex(":"), c.div(c.norm(new int[] {1}, true)));
        }
        List<long[]> batches = shuffledBatches();
        for (int b = 0; b < batches.size(); b++) {
            long[] idx = batches.get(b);
            encoderLr = rate(epoch, b, perEpoch);
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = rows(scope, idx).reshape(idx.length, image[0], image[1], image[2]);
                NDArray x1 = first.apply(x, new Random(random.nextLong()));
                NDArray x2 = second.apply(x, new Random(random.nextLong()));
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray z1 = forward(encoder, x1, true);
                    NDArray z2 = forward(encoder, x2, true);
                    NDArray total = scope.zeros(new Shape());
                    for (int h = 0; h < HEADS; h++) {
                        total = total.add(head(h, z1, z2, idx, epoch, scope));
                    }
                    gc.backward(total.div(2f * HEADS));
                }
                update(sgd, params, scope);
            }
        }
    }

    /** One head's two losses, summed over the views, after its assignment and dual step. */
    private NDArray head(int h, NDArray z1, NDArray z2, long[] idx, int epoch, NDManager scope) {
        int kh = (h + 1) * k;
        NDArray c = inScope(centres.get(h).getArray(), scope);
        NDArray ct = c.div(c.norm(new int[] {1}, true)).transpose();
        NDArray s1 = z1.stopGradient().matMul(ct);
        NDArray s2 = z2.stopGradient().matMul(ct);
        NDArray rho = duals.get(h);
        NDArray y = s1.add(s2).stopGradient().mul(0.5f).add(inScope(rho, scope)).argMax(1);
        NDArray counts = y.oneHot(kh).sum(new int[] {0});
        rho.set(new NDIndex(":"), inScope(rho, scope).add(counts.div((float) idx.length).mul(-1).add(GAMMA / kh).mul(ETA)).maximum(0f));
        long[] labels = y.toLongArray();
        long[] mem = memory.get(h);
        long[] previous = new long[idx.length];
        for (int i = 0; i < idx.length; i++) {
            previous[i] = epoch == 0 ? labels[i] : mem[(int) idx[i]];
            mem[(int) idx[i]] = labels[i];
        }
        NDArray mask = y.oneHot(kh);
        NDArray hard = scope.create(previous).oneHot(kh).mul(TAU);
        NDArray ft = inScope(frozen.get(h), scope).transpose();
        NDArray p1 = z1.matMul(ft).div(TX);
        NDArray p2 = z2.matMul(ft).div(TX);
        NDArray t1 = p2.stopGradient().softmax(1).mul(1 - TAU).add(hard);
        NDArray t2 = p1.stopGradient().softmax(1).mul(1 - TAU).add(hard);
        NDArray representation = p1.logSoftmax(1).mul(t1).sum(new int[] {1}).mean().add(p2.logSoftmax(1).mul(t2).sum(new int[] {1}).mean()).neg();
        NDArray centre = scope.zeros(new Shape());
        for (NDArray s : new NDArray[] {s1, s2}) {
            NDArray fixed = s.stopGradient();
            NDArray logits = fixed.add(s.sub(fixed).mul(mask)).div(TW);
            centre = centre.add(logits.logSoftmax(1).mul(mask).sum(new int[] {1}).mean().neg());
        }
        return representation.add(centre);
    }

    /** SeCu's encoder rate: 0 in epoch 0, a linear ramp to epoch {@link #WARM_UP}, then a cosine. */
    private float rate(int epoch, int batch, int perEpoch) {
        long t = (long) epoch * perEpoch + batch;
        if (epoch < WARM_UP) {
            return epoch == 0 ? 0f : (float) (LR * Math.max(1, t - perEpoch) / ((WARM_UP - 1.0) * perEpoch));
        }
        long start = (long) WARM_UP * perEpoch;
        return (float) (LR * 0.5 * (1 + Math.cos(Math.PI * (t - start) / ((long) epochs * perEpoch - start))));
    }
}
