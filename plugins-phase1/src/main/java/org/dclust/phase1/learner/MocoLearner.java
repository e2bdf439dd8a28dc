package org.dclust.phase1.learner;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
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
import org.dclust.api.toolkit.Embeddings;
import org.dclust.api.toolkit.EpochLoop;
import org.dclust.api.toolkit.EpochMeans;
import org.dclust.api.toolkit.KMeans;
import org.dclust.api.toolkit.Matrices;
import org.dclust.api.toolkit.PretrainedStart;
import org.dclust.api.toolkit.TrainingState;
import org.dclust.api.toolkit.augment.AugmentationPipeline;
import org.dclust.api.toolkit.augment.AugmentationRecipe;
import org.dclust.api.train.InPlace;
import org.dclust.api.train.SgdMomentum;
import org.dclust.api.train.TrainingContext;
import org.dclust.phase1.backbone.ContrastiveEncoder;

/**
 * MoCo v2 as a phase-1 learner: momentum contrast (He, Fan, Wu, Xie, Girshick, CVPR 2020, arXiv
 * 1911.05722) with the MLP head, the stronger augmentation and the cosine schedule of Chen, Fan,
 * Girshick, He ("Improved Baselines with Momentum Contrastive Learning", arXiv 2003.04297); the
 * authors' code is facebookresearch/moco ({@code main_moco.py}, {@code moco/builder.py}).
 *
 * <p>Networks: the query encoder is the run's backbone (the trunk, e.g. {@code resnet}) with MoCo v2's
 * projection head Linear(d, d)-ReLU-Linear(d, dim) and L2 normalisation ({@link ContrastiveEncoder});
 * the key encoder is a copy of it that is never trained by gradients but follows the query encoder,
 * θ_k ← m θ_k + (1 − m) θ_q before every batch ({@link MomentumUpdate}; batch-norm running
 * statistics not averaged).
 *
 * <p>Per batch of b images: two views drawn independently by the augmentation recipe
 * ({@code augment}; {@code auto}: {@code grey28} for one channel, MoCo v2's {@code colour32} for
 * three, see {@link AugmentationRecipe}), queries q from the first, keys k from the second
 * (without gradient); the loss is InfoNCE over the positive key and the K keys of the queue at
 * temperature T ({@link MocoLoss}); then the keys are enqueued, replacing the oldest ({@link KeyQueue},
 * after the logits, as the authors), and one SGD step (momentum 0.9, weight decay) is taken. The
 * learning rate follows the authors' cosine schedule, lr · ½(1 + cos(π e / epochs)) in epoch e
 * (0-based), set at each epoch start. Each epoch trains on the full batches of its shuffle (the
 * authors' {@code drop_last}); the queue then always holds whole batches.
 *
 * <p>Shuffle-BN on one device: see {@link ShuffleBn} ({@code bnSplits} slices, the key batch
 * shuffled before slicing), the substitute of the authors' single-GPU CIFAR demo.
 *
 * <p>Randomness: the views from {@link AugmentationPipeline#random} (views {@code query} and
 * {@code key}), the key shuffle from the stream {@code moco.shuffle}, the initial queue from
 * {@code moco.queue}, all seeded by (run seed, epoch, batch); weights from the engine reseeded for
 * {@code init}. Checkpoints hold the query encoder with its head, its SGD velocities, the key encoder,
 * the queue and its pointer, by name: a resumed run ends as an uninterrupted one.
 *
 * <p>The model ({@code features}): the trunk's pooled features, L2-normalised ({@code h}, the default:
 * DCSS Table 3 found this "H space" better than the projection's for every method), or the projection
 * head's normalised output ({@code z}), of the samples as they are (no augmentation, batch norm in
 * evaluation mode); k-means centres on them (k-means++ and {@code kmeansRestarts} restarts, the
 * context's {@code kmeans} stream); the nearest-centre assignment. The network handed to refiners is
 * exactly that encoder, so MNet fine-tunes the trunk (and the head, for {@code z}) on the unit sphere.
 *
 * @param params the parameters {@link #parameters} declares
 */
public record MocoLearner(Params params) implements LatentLearner {
    /** The provider name, also the checkpoint and event phase. */
    static final String NAME = "moco";
    /** {@code augment} value choosing the recipe by the number of channels. */
    static final String AUTO = ImageViews.AUTO;

    /**
     * Every parameter; the defaults are the {@code default} preset's, so that parameters resolved
     * without a preset train as {@code --preset default} does; MoCo v2's ({@code main_moco.py}) except epochs, lr,
     * keyMomentum and queue, which the descriptions give as the paper's ({@code paper} preset).
     */
    static List<ParamSpec> parameters(int epochs) {
        List<ParamSpec> p = new ArrayList<>();
        p.add(ParamSpec.integer("epochs", epochs, 0, 1_000_000, "training epochs (MoCo v2: 200 on ImageNet)"));
        p.add(ParamSpec.integer("batchSize", 256, 2, 1_000_000, "mini-batch size b (MoCo: 256)"));
        p.add(ParamSpec.real("lr", 0.06, 1e-8, 10.0, "initial SGD learning rate, decayed by a cosine to 0 (MoCo: 0.03 at batch 256 on "
                + "ImageNet, the paper preset; its CIFAR demo 0.06)"));
        p.add(ParamSpec.real("momentum", 0.9, 0.0, 0.999, "SGD momentum (MoCo: 0.9)"));
        p.add(ParamSpec.real("weightDecay", 1e-4, 0.0, 1.0, "SGD weight decay (MoCo: 1e-4; its CIFAR demo 5e-4)"));
        p.add(ParamSpec.real("keyMomentum", 0.99, 0.0, 0.999999, "momentum m of the key encoder, theta_k <- m theta_k + (1 - m) theta_q "
                + "(MoCo: 0.999, the paper preset; its CIFAR demo 0.99, for short schedules)"));
        p.add(ParamSpec.real("temperature", 0.2, 1e-3, 10.0, "softmax temperature T of InfoNCE (MoCo v2: 0.2; v1 0.07; CIFAR demo 0.1)"));
        p.add(ParamSpec.integer("queue", 4096, 1, 10_000_000, "K, negative keys in the queue; a multiple of batchSize, at most the number of "
                + "samples (MoCo: 65536 on ImageNet, the paper preset; its CIFAR demo 4096)"));
        p.add(ParamSpec.integer("dim", 128, 1, 65536, "output size of the MLP projection head (MoCo: 128)"));
        p.add(ParamSpec.integer("bnSplits", 8, 1, 1024, "slices each batch is encoded in, each its own batch-norm batch, the key batch "
                + "shuffled first: one device's shuffle-BN (the authors: 8 GPUs; their CIFAR demo: 8 splits)"));
        p.add(ParamSpec.text("augment", AUTO, "augmentation recipe of the two views: auto (grey28 for 1 channel, colour32 for 3), or a "
                + "recipe (" + String.join(", ", AugmentationRecipe.names()) + ") with optional :key=value overrides"));
        p.add(ParamSpec.choice("features", "h", List.of("h", "z"), "the latent space handed on: h = the backbone's pooled features, z = the "
                + "projection head's output; both L2-normalised (DCSS Table 3: h better)"));
        p.add(ParamSpec.integer("kmeansRestarts", PretrainedStart.RESTARTS, 1, 1000, "k-means restarts on the features (the lowest inertia is kept)"));
        return p;
    }

    /** What no single declaration says: the queue holds whole batches, the slices hold two samples or more, a readable recipe. */
    static List<String> validate(Params p) {
        List<String> problems = new ArrayList<>();
        int b = p.getInt("batchSize");
        if (p.getInt("queue") % b != 0) {
            problems.add(NAME + ".queue = " + p.getInt("queue") + " is not a multiple of " + NAME + ".batchSize = " + b
                    + ": the queue holds whole batches of keys (MoCo's assertion); choose e.g. " + Math.max(b, p.getInt("queue") / b * b));
        }
        int splits = p.getInt("bnSplits");
        if (b % splits != 0 || b / splits < 2) {
            problems.add(NAME + ".bnSplits = " + splits + " does not cut " + NAME + ".batchSize = " + b
                    + " into equal slices of two samples or more (each slice is a batch-norm batch); choose a divisor of the batch size");
        }
        ImageViews.problem(p.getString("augment"), NAME + ".augment", false, List.of(AUTO, "grey28", "colour32")).ifPresent(problems::add);
        return problems;
    }

    @Override
    public LatentModel fit(Dataset data, TrainingContext ctx) {
        ImageViews.require(validate(params, data));
        int[] chw = ImageViews.shape(data, NAME);
        AugmentationPipeline views = ImageViews.pipeline(params.getString("augment"), "grey28", "colour32", chw, data);
        ContrastiveEncoder encoder = ContrastiveEncoder.around(ctx.backbone(), params.getInt("dim"));
        NDManager manager = ctx.manager().newSubManager();
        try {
            EncoderNetwork features;
            try (NDManager training = manager.newSubManager()) {
                ctx.reseed("init", 0);
                EncoderNetwork query = encoder.build(training, data.sampleShape());
                train(query, encoder, data, ctx, views);
                features = encoder.withProjection("z".equals(params.getString("features")) ? params.getInt("dim") : 0)
                        .build(manager, data.sampleShape());
                copyShared(query, features);
            }
            float[][] codes = Embeddings.encode(features, data, 500);
            KMeans.Result km = KMeans.fit(codes, ctx.clusters(), params.getInt("kmeansRestarts"), 300, ctx.random("kmeans", 0));
            return new LatentModel(NAME, features, km.centres(), SoftAssignment.nearest());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Trains the query encoder (and its key encoder and queue) for {@code epochs} epochs, resuming from a checkpoint. */
    private void train(EncoderNetwork query, ContrastiveEncoder encoder, Dataset data, TrainingContext ctx, AugmentationPipeline views) {
        int batchSize = params.getInt("batchSize");
        int epochs = params.getInt("epochs");
        int splits = params.getInt("bnSplits");
        double lr = params.getDouble("lr");
        double m = params.getDouble("keyMomentum");
        double temperature = params.getDouble("temperature");
        try (NDManager keyManager = query.manager().newSubManager()) {
            EncoderNetwork key = encoder.build(keyManager, data.sampleShape());
            copyShared(query, key);
            KeyQueue queue = new KeyQueue(keyManager, params.getInt("queue"), params.getInt("dim"), ctx.random("moco.queue", 0));
            try (SgdMomentum opt = new SgdMomentum(query.encoderParameters(), query.manager(), lr, params.getDouble("momentum"), false,
                    params.getDouble("weightDecay"))) {
                TrainingState state = TrainingState.of(query, opt).arrays("key", key::encoderState).array("queue", queue.keys())
                        .integer("queuePointer", queue::pointer, queue::pointer);
                EpochMeans means = new EpochMeans();
                EpochLoop.run(NAME, epochs, data.size(), batchSize, true, ctx, query.manager(), state, (scope, idx, epoch, batch) -> {
                    opt.setLearningRate(cosine(lr, epoch, epochs));
                    NDArray x = data.batch(scope, idx);
                    NDArray xq = views.apply(x, AugmentationPipeline.random(ctx, "query", epoch, batch));
                    NDArray xk = views.apply(x, AugmentationPipeline.random(ctx, "key", epoch, batch));
                    MomentumUpdate.apply(query.encoderParameters(), key.encoderParameters(), m, scope);
                    NDArray k = ShuffleBn.encodeShuffled(key, xk, splits, ctx.random("moco.shuffle." + batch, epoch));
                    NDArray negatives = Matrices.inScope(queue.keys(), scope);
                    NDArray logits;
                    NDArray loss;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        logits = MocoLoss.logits(ShuffleBn.encode(query, xq, splits), k, negatives, temperature);
                        loss = MocoLoss.infoNce(logits);
                        gc.backward(loss);
                    }
                    queue.enqueue(k);
                    opt.step(scope);
                    means.add(idx.length, "positiveTop1", MocoLoss.positiveTop1(logits));
                    return loss.getFloat();
                }, done -> {
                    Map<String, Double> out = new LinkedHashMap<>(means.take());
                    out.put("lr", cosine(lr, done - 1, epochs));
                    return out;
                });
            }
        }
    }

    /** MoCo's cosine schedule ({@code main_moco.py}, {@code adjust_learning_rate}): lr · ½(1 + cos(π epoch / epochs)). */
    static double cosine(double lr, int epoch, int epochs) {
        return lr * 0.5 * (1 + Math.cos(Math.PI * epoch / epochs));
    }

    /** Copies every array of {@code into} (parameters and running statistics) from the array of the same name in {@code from}. */
    private static void copyShared(EncoderNetwork from, EncoderNetwork into) {
        Map<String, NDArray> source = from.encoderState();
        for (Map.Entry<String, NDArray> e : into.encoderState().entrySet()) {
            InPlace.copy(source.get(e.getKey()), e.getValue());
        }
    }

    /**
     * What the data says against these parameters (before anything is written or trained): images,
     * a recipe for their channels, at least one full batch, and no more queued keys than samples
     * (else a sample's own key would be its negative).
     */
    static List<String> validate(Params p, Dataset data) {
        List<String> problems = new ArrayList<>(ImageViews.dataProblems(p, data, NAME, "augment"));
        int n = data.size();
        int b = p.getInt("batchSize");
        if (ImageViews.isImages(data) && p.getInt("queue") > n) {
            problems.add(NAME + ".queue = " + p.getInt("queue") + " exceeds the " + n + " samples of " + data.name()
                    + ": the queue would always hold a sample's own earlier keys as its negatives; set " + NAME + ".queue to a multiple of "
                    + NAME + ".batchSize" + (b <= n ? " of at most " + n / b * b : " (both at most " + n + ")"));
        }
        return problems;
    }
}
