package org.dclust.phase1.learner;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.SoftAssignment;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.Batches;
import org.dclust.api.toolkit.ClusterUse;
import org.dclust.api.toolkit.EpochLoop;
import org.dclust.api.toolkit.EpochMeans;
import org.dclust.api.toolkit.Matrices;
import org.dclust.api.toolkit.Partition;
import org.dclust.api.toolkit.TrainingState;
import org.dclust.api.toolkit.augment.AugmentationPipeline;
import org.dclust.api.train.Scalars;
import org.dclust.api.train.SgdMomentum;
import org.dclust.api.train.TrainingContext;
import org.dclust.phase1.backbone.ContrastiveEncoder;

/**
 * SeCu as a phase-1 learner: one-stage deep clustering by stable cluster discrimination (Qian, "Stable
 * Cluster Discrimination for Deep Clustering", ICCV 2023, arXiv 2311.14310; the authors' code
 * idstcv/SeCu, {@code secu/builder.py}, {@code main.py}, {@code run_cifar10.sh}). Encoder, centres and
 * assignments are learned together from scratch; there is no pretraining.
 *
 * <p>Network: the run's backbone (the trunk, e.g. {@code resnet}) with SeCu's projection head
 * Linear(d, d)-BatchNorm-ReLU-Linear(d, dim) and L2 normalisation ({@link ContrastiveEncoder} with
 * {@code batchNorm}). Heads ({@link SecuHead}): {@code heads} of them, head h (1-based) with h·K
 * centres (K = the run's clusters; the authors' CIFAR-10 heads are 10, 20, ..., 100), each with its
 * memory of every sample's last assignment.
 *
 * <p>Per batch of b images: two views, drawn by two recipes ({@code augment}, {@code augment2}: SeCu's
 * views differ, the second adds solarize), each encoded with batch norm in training mode. Per head,
 * without gradient, the assignment y of the mean of the two views' scores x·c under the size
 * constraint ({@link SizeConstraint}, the default) or the entropy constraint ({@link EntropyConstraint});
 * then the centre loss and the representation loss of {@link SecuLoss}, the latter against the centres
 * frozen at the epoch's start and targets mixing the other view's prediction with the sample's
 * previous assignment (in the first epoch, y). The batch's loss is Σ_heads (L_x + L_c) / (2·heads);
 * one SGD step (momentum, weight decay on everything, as PyTorch's {@code weight_decay}) in two groups:
 * the encoder at the scheduled rate and the centres at the constant {@code centreLr}. Every epoch
 * trains on all samples (the authors' {@code drop_last=False}), so every sample has an assignment after
 * the first.
 *
 * <p>Schedule ({@code main.py}, {@code adjust_learning_rate}, per step t of n per epoch, W =
 * {@code warmupEpochs}): in epoch 0 the encoder's rate is 0 (only the centres and the label memory
 * learn, against the random network's features); in epochs 1 .. W − 1 it rises linearly,
 * lr · max(1, t − n) / ((W − 1) n); from epoch W it follows a cosine from lr to 0 at the last step,
 * lr · ½(1 + cos(π (t − W n) / (E n − W n))). The authors' W is 11 of 401 epochs. For a schedule of
 * tens of epochs the frozen first epoch stays one epoch (its job, sizing the clusters of the random
 * features with the duals, takes one pass whatever the length), and the linear ramp is kept at a few
 * epochs rather than scaled to its 2.5 % (which would be under one epoch and start the cosine at full
 * rate from centres that have just begun to move): the presets use W = 3 (one frozen epoch and a ramp
 * over two) for 20-25 epochs. {@code warmupEpochs} = 0 starts the cosine at once. One difference
 * from PyTorch's SGD: {@link SgdMomentum} keeps the velocity lr·b, so at rate 0 in epoch 0 the encoder's
 * velocity stays 0, where PyTorch's buffer b gathers that epoch's gradients and spends them at the
 * ramp's first steps.
 *
 * <p>Randomness: the views from {@link AugmentationPipeline#random} (views {@code first},
 * {@code second}), the centres from {@code secu.centres} per head, weights from the engine reseeded for
 * {@code init}, shuffles from the epoch loop. Checkpoints hold the network, both optimizers' velocities
 * and, per head, the centres, the label memory and the duals, by name; a resumed run ends as an
 * uninterrupted one.
 *
 * <p>The model: the encoder's L2-normalised embedding (the projection's {@code dim} values, where the
 * centres live), the unit centres of the first head (K clusters), and SeCu's own soft assignment
 * softmax(z·c / τ_w) ({@link CosineSoftmaxAssignment}); its argmax is the nearest centre. So
 * {@code secu + centroid} is SeCu's clustering, and {@code secu + mnet} fine-tunes the encoder with
 * MNet from those centres.
 *
 * @param params the parameters {@link #parameters} declares
 */
public record SecuLearner(Params params) implements LatentLearner {
    /** The provider name, also the checkpoint and event phase. */
    static final String NAME = "secu";
    /** SeCu's two views for one-channel images: {@code grey28}, and the same with solarize p = 0.2. */
    static final List<String> GREY = List.of("grey28", "grey28:solarize=0.2");
    /** SeCu's two views for colour images, after its CIFAR recipes ({@code main.py}, {@code aug_1}, {@code aug_2}). */
    static final List<String> COLOUR = List.of("secu32", "secu32:blur=0.1,solarize=0.2");

    /**
     * Every parameter; the defaults are the {@code default} preset's, so that parameters resolved
     * without a preset train as {@code --preset default} does; the authors' CIFAR-10 settings ({@code main.py},
     * {@code run_cifar10.sh}) except epochs, warmupEpochs and heads, which the descriptions give as
     * the paper's ({@code paper} preset).
     */
    static List<ParamSpec> parameters(int epochs, int warmupEpochs) {
        List<ParamSpec> p = new ArrayList<>();
        p.add(ParamSpec.integer("epochs", epochs, 0, 1_000_000, "training epochs (SeCu: 401 on CIFAR-10)"));
        p.add(ParamSpec.integer("batchSize", 128, 2, 1_000_000, "mini-batch size b (SeCu: 128)"));
        p.add(ParamSpec.real("lr", 0.2, 1e-8, 10.0, "the encoder's SGD learning rate after the warm-up, decayed by a cosine to 0 (SeCu: 0.2)"));
        p.add(ParamSpec.real("centreLr", 1.2, 1e-8, 100.0, "the centres' constant SGD learning rate (SeCu: 1.2 on CIFAR-10, 0.8 on CIFAR-100-20)"));
        p.add(ParamSpec.integer("warmupEpochs", warmupEpochs, 0, 1_000_000, "W: encoder rate 0 in epoch 0, linear ramp in epochs 1..W-1, "
                + "cosine from epoch W (SeCu: 11 of 401); 0: cosine from the start"));
        p.add(ParamSpec.real("momentum", 0.9, 0.0, 0.999, "SGD momentum of both groups (SeCu: 0.9)"));
        p.add(ParamSpec.real("weightDecay", 1e-4, 0.0, 1.0, "SGD weight decay of both groups (SeCu: 1e-4)"));
        p.add(ParamSpec.integer("heads", 3, 1, 100, "clustering heads; head h has h*K clusters, the first K (SeCu: 10 heads, 10..100 on "
                + "CIFAR-10, the paper preset)"));
        p.add(ParamSpec.integer("dim", 128, 1, 65536, "size of the projection, the embedding the centres live in (SeCu: 128)"));
        p.add(ParamSpec.real("tx", 0.05, 1e-4, 100, "temperature tau_x of the representation loss (SeCu: 0.05)"));
        p.add(ParamSpec.real("tw", 0.05, 1e-4, 100, "temperature tau_w of the centre loss and of the model's soft assignment (SeCu: 0.05)"));
        p.add(ParamSpec.real("tau", 0.2, 0.0, 1.0, "weight of the previous one-hot assignment in the representation targets (SeCu: 0.2)"));
        p.add(ParamSpec.choice("constraint", "size", List.of("size", "entropy"), "the global constraint on cluster sizes: size = a lower "
                + "bound per cluster by dual ascent, entropy = an entropy term on the size distribution (SeCu: size)"));
        p.add(ParamSpec.real("lowerBound", 0.9, 1e-6, 1.0, "size: gamma, every cluster keeps at least gamma/K of each batch (SeCu's lratio: 0.9)"));
        p.add(ParamSpec.real("dualLr", 0.1, 1e-8, 100.0, "size: eta, the dual step (SeCu: 0.1)"));
        p.add(ParamSpec.real("alpha", 6000, 1e-8, 1e12, "entropy: the weight alpha of the entropy change (SeCu: 6000 for 50,000 samples)"));
        p.add(ParamSpec.text("augment", ImageViews.AUTO, "recipe of the first view: auto (" + GREY.get(0) + " for 1 channel, " + COLOUR.get(0)
                + " for 3), or a recipe with optional :key=value overrides"));
        p.add(ParamSpec.text("augment2", ImageViews.AUTO, "recipe of the second view: auto (" + GREY.get(1) + " for 1 channel, "
                + COLOUR.get(1) + " for 3), or a recipe"));
        return p;
    }

    /** Recipes that parse, and two views that are not both left as they are. */
    static List<String> validate(Params p) {
        List<String> problems = new ArrayList<>();
        List<String> choices = List.of(ImageViews.AUTO, GREY.get(0), COLOUR.get(0));
        ImageViews.problem(p.getString("augment"), NAME + ".augment", true, choices).ifPresent(problems::add);
        ImageViews.problem(p.getString("augment2"), NAME + ".augment2", true, choices).ifPresent(problems::add);
        if (problems.isEmpty() && ImageViews.problem(p.getString("augment"), "", false, choices).isPresent()
                && ImageViews.problem(p.getString("augment2"), "", false, choices).isPresent()) {
            problems.add(NAME + ".augment = " + p.getString("augment") + " and " + NAME + ".augment2 = " + p.getString("augment2")
                    + " leave the images as they are: the two views would be equal; choose a recipe that augments (" + String.join(", ", choices)
                    + ")");
        }
        return problems;
    }

    /** What the data says against these parameters (before anything is written or trained): images, recipes for their channels, a batch. */
    static List<String> validate(Params p, Dataset data) {
        return ImageViews.dataProblems(p, data, NAME, "augment", "augment2");
    }

    @Override
    public LatentModel fit(Dataset data, TrainingContext ctx) {
        ImageViews.require(validate(params, data));
        int[] chw = ImageViews.shape(data, NAME);
        AugmentationPipeline first = ImageViews.pipeline(params.getString("augment"), GREY.get(0), COLOUR.get(0), chw, data);
        AugmentationPipeline second = ImageViews.pipeline(params.getString("augment2"), GREY.get(1), COLOUR.get(1), chw, data);
        ContrastiveEncoder encoder = ContrastiveEncoder.around(ctx.backbone(), params.getInt("dim"), true);
        NDManager manager = ctx.manager().newSubManager();
        try {
            ctx.reseed("init", 0);
            EncoderNetwork net = encoder.build(manager, data.sampleShape());
            List<SecuHead> heads = heads(manager, ctx, data.size());
            try {
                train(net, heads, data, ctx, first, second);
                float[][] centres = heads.get(0).unitCentres();
                return new LatentModel(NAME, net, centres,
                        SoftAssignment.of(CosineSoftmaxAssignment.NAME, Map.of(CosineSoftmaxAssignment.TEMPERATURE, params.getDouble("tw"))));
            } finally {
                heads.forEach(SecuHead::close);
            }
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The heads: head h with (h + 1)·K centres from the stream {@code secu.centres} of h, and its constraint. */
    private List<SecuHead> heads(NDManager manager, TrainingContext ctx, int n) {
        List<SecuHead> heads = new ArrayList<>();
        for (int h = 0; h < params.getInt("heads"); h++) {
            int k = (h + 1) * ctx.clusters();
            AssignmentConstraint c = "size".equals(params.getString("constraint"))
                    ? new SizeConstraint(k, params.getDouble("dualLr"), params.getDouble("lowerBound"))
                    : new EntropyConstraint(k, params.getDouble("alpha"));
            heads.add(new SecuHead(manager, k, params.getInt("dim"), n, ctx.random("secu.centres", h), c));
        }
        return heads;
    }

    /** Trains the encoder and the heads for {@code epochs} epochs, resuming from a checkpoint. */
    private void train(EncoderNetwork net, List<SecuHead> heads, Dataset data, TrainingContext ctx, AugmentationPipeline first,
            AugmentationPipeline second) {
        int batchSize = params.getInt("batchSize");
        int epochs = params.getInt("epochs");
        int perEpoch = Batches.count(data.size(), batchSize);
        int warmup = params.getInt("warmupEpochs");
        double lr = params.getDouble("lr");
        double momentum = params.getDouble("momentum");
        double decay = params.getDouble("weightDecay");
        List<Parameter> centreParams = new ArrayList<>();
        heads.forEach(h -> centreParams.add(h.centres().parameter()));
        try (SgdMomentum opt = new SgdMomentum(net.encoderParameters(), net.manager(), 0, momentum, false, decay);
                SgdMomentum centreOpt = new SgdMomentum(centreParams, net.manager(), params.getDouble("centreLr"), momentum, false, decay)) {
            TrainingState state = TrainingState.of(net, opt).optimizer("centreOptimizer", centreOpt);
            for (int h = 0; h < heads.size(); h++) {
                heads.get(h).register(state, "head" + h);
            }
            SecuHead main = heads.get(0);
            state.partition(Partition.of(net, data, (scope, z) -> z.matMul(ContrastiveEncoder.unitRows(Matrices.inScope(main.centres().array(),
                    scope)).transpose()).argMax(1)));
            EpochMeans means = new EpochMeans();
            long[] sizes = new long[main.clusters()];
            EpochLoop.run(NAME, epochs, data.size(), batchSize, false, ctx, net.manager(), state, (scope, idx, epoch, batch) -> {
                if (batch == 0) {
                    heads.forEach(h -> h.startEpoch(epoch));
                }
                opt.setLearningRate(encoderLr(lr, epoch, batch, perEpoch, epochs, warmup));
                NDArray x = data.batch(scope, idx);
                NDArray x1 = first.apply(x, AugmentationPipeline.random(ctx, "first", epoch, batch));
                NDArray x2 = second.apply(x, AugmentationPipeline.random(ctx, "second", epoch, batch));
                NDArray loss;
                NDArray centreLoss = scope.zeros(new ai.djl.ndarray.types.Shape());
                NDArray representationLoss = scope.zeros(new ai.djl.ndarray.types.Shape());
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray z1 = net.encode(x1, true);
                    NDArray z2 = net.encode(x2, true);
                    for (SecuHead head : heads) {
                        NDArray[] terms = headLosses(head, z1, z2, idx, epoch, scope, head == main ? sizes : null);
                        representationLoss = representationLoss.add(terms[0]);
                        centreLoss = centreLoss.add(terms[1]);
                    }
                    loss = Scalars.div(representationLoss.add(centreLoss), 2f * heads.size());
                    gc.backward(loss);
                }
                opt.step(scope);
                centreOpt.step(scope);
                means.add(idx.length, "representation", Scalars.div(representationLoss, 2f * heads.size()), "centre",
                        Scalars.div(centreLoss, 2f * heads.size()));
                return loss.getFloat();
            }, done -> {
                Map<String, Double> out = new LinkedHashMap<>(means.take());
                out.putAll(ClusterUse.of(sizes));
                out.put("smallestShare", smallestShare(sizes));
                java.util.Arrays.fill(sizes, 0);
                out.put("lr", encoderLr(lr, done - 1, perEpoch - 1, perEpoch, epochs, warmup));
                return out;
            });
        }
    }

    /**
     * One head's representation and centre losses (each summed over the two views) for a batch, after
     * assigning it and updating the head's memory; the first head's assignments are counted in {@code sizes}.
     */
    private NDArray[] headLosses(SecuHead head, NDArray z1, NDArray z2, int[] idx, int epoch, NDManager scope, long[] sizes) {
        NDArray c = ContrastiveEncoder.unitRows(head.centres().inScope(scope)).transpose();
        NDArray s1 = z1.stopGradient().matMul(c);
        NDArray s2 = z2.stopGradient().matMul(c);
        float[] mean = Scalars.mul(s1.add(s2).stopGradient(), 0.5f).toFloatArray();
        long[] memory = head.memory();
        long[] previous = null;
        if (epoch > 0) {
            previous = new long[idx.length];
            for (int i = 0; i < idx.length; i++) {
                previous[i] = memory[idx[i]];
            }
        }
        long[] y = head.constraint().assign(mean, idx.length, previous);
        for (int i = 0; i < idx.length; i++) {
            memory[idx[i]] = y[i];
            if (sizes != null) {
                sizes[(int) y[i]]++;
            }
        }
        NDArray assigned = scope.create(y);
        NDArray frozen = Matrices.inScope(head.frozen(), scope).transpose();
        double tx = params.getDouble("tx");
        NDArray representation = SecuLoss.representation(Scalars.div(z1.matMul(frozen), (float) tx), Scalars.div(z2.matMul(frozen), (float) tx),
                previous == null ? assigned : scope.create(previous), params.getDouble("tau"));
        double tw = params.getDouble("tw");
        NDArray centre = SecuLoss.centre(s1, assigned, tw).add(SecuLoss.centre(s2, assigned, tw));
        return new NDArray[] {representation, centre};
    }

    /** The fraction of the counted samples in the smallest cluster (0 when none were counted). */
    static double smallestShare(long[] sizes) {
        long n = 0;
        long smallest = Long.MAX_VALUE;
        for (long s : sizes) {
            n += s;
            smallest = Math.min(smallest, s);
        }
        return n == 0 ? 0 : (double) smallest / n;
    }

    /**
     * The encoder's learning rate at step {@code batch} of {@code perEpoch} in {@code epoch} (0-based) of
     * {@code epochs} with {@code warmup} warm-up epochs: SeCu's schedule ({@code main.py},
     * {@code adjust_learning_rate}), see the class comment.
     */
    static double encoderLr(double lr, int epoch, int batch, int perEpoch, int epochs, int warmup) {
        long t = (long) epoch * perEpoch + batch;
        if (epoch < warmup) {
            return epoch == 0 ? 0 : lr * Math.max(1, t - perEpoch) / ((double) (warmup - 1) * perEpoch);
        }
        long start = (long) warmup * perEpoch;
        long end = (long) epochs * perEpoch;
        return lr * 0.5 * (1 + Math.cos(Math.PI * (t - start) / (end - start)));
    }
}
