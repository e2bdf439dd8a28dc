package org.dclust.api.toolkit;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.augment.AugmentationPipeline;
import org.dclust.api.toolkit.augment.AugmentationRecipe;
import org.dclust.api.train.Adam;
import org.dclust.api.train.Checkpoints;
import org.dclust.api.train.TrainingContext;

/**
 * The autoencoder pretraining every AE-based learner starts from: end-to-end Adam on the mean squared
 * reconstruction error, seeded shuffles, checkpoints through {@link EpochLoop}.
 *
 * <p>Augmented pretraining ({@code pretrainAugment}, off by default): each batch is replaced by a
 * randomly transformed copy, which is both the autoencoder's input and its reconstruction target, as
 * in DEC-DA (Guo, Liu, Zhu, Yin 2018, "Deep Embedded Clustering with Data Augmentation", ACML, PMLR
 * 95; section 3: the autoencoder is trained on augmented samples, L = ||x' - g(f(x'))||^2 with x' a
 * random shift and rotation of x). The recipe {@code affine} is DEC-DA's: shifts of up to 10 % of the
 * width and height and rotations of up to 10 degrees (areas shifted in are 0, where DEC-DA's Keras
 * generator repeats the nearest edge pixel); any recipe of {@link AugmentationRecipe} may be named,
 * with overrides ({@code affine:degrees=5}). The draws come from {@link AugmentationPipeline#random}
 * for the view {@code pretrain}, seeded by (seed, epoch, batch), so the same seed gives the same
 * batches and a resumed pretraining the same as an uninterrupted one. DEC-DA augments its clustering
 * phase too; this option augments the pretraining only. Its result is cached
 * on disk under {@code cacheDir/pretrain/KEY}, where KEY hashes the data fingerprint, the backbone and
 * its parameters, the input shape, the pretraining settings, the seed and device, dclust's version,
 * the code that trains and the thread count ({@link CacheKey#codeIdentity}): a study that runs five
 * learners on the same data pretrains once, and an upgrade never reuses a stale autoencoder. An entry
 * holds the network and its Adam's state ({@link Pretrained}).
 *
 * <p>Its parameters ({@link #parameters()}) and presets ({@link #presets()}) are declared here once:
 * a learner that pretrains adds them to its own (or takes {@link PretrainedStart#parameters()}), and
 * every learner that keeps the shared values shares the cache.
 */
public final class Pretraining {
    /** The checkpoint phase name and the event phase name; also the augmentation's view name. */
    public static final String PHASE = "pretrain";
    /** The parameter naming the augmentation recipe of the pretraining's batches. */
    public static final String AUGMENT = "pretrainAugment";
    /** The cache entry's directory of the optimizer state, in {@link Checkpoints}' format. */
    private static final String OPTIMIZER = "adam";

    /**
     * The {@code default} preset's epochs, also the parameter's default: 100 (about 27,400 Adam steps on
     * 70,000 images at batch 256). Chosen by the label-free signal, with the time the faster engine saved
     * (issue 14): at 50 epochs the reconstruction loss was still falling on every seed of both data sets of
     * {@code studies/pretrain-length.yaml} (first 20,000 Fashion-MNIST images: 0.0117 at 50 epochs, 0.0104
     * at 100, 0.0098 at 150; MNIST-10k: 0.0131, 0.0104, 0.0092), and 100 epochs cost on all 70,000 images
     * what 50 did before the engine's speed-ups (README, "Speed: what the presets cost"). Accuracy, for
     * the report only (3 seeds, 50 / 100 / 150 epochs): Fashion-MNIST ae + k-means 50.88 / 50.09 / 49.50,
     * ae + MNet 52.20 / 52.09 / 52.86; MNIST-10k ae + k-means 69.30 / 71.32 / 71.09, ae + MNet 72.67 /
     * 76.10 / 77.09. The DCSS, DEC and IDEC authors pretrain 200 epochs (the {@code paper} preset).
     */
    public static final int DEFAULT_EPOCHS = 100;

    /** The shared presets: {@code quick} 20 epochs (the embedded data, tests), {@code default} {@value #DEFAULT_EPOCHS}, {@code paper} 200. */
    private static final Map<String, Map<String, Object>> PRESETS = Map.of(
            "quick", Map.of("pretrainEpochs", 20),
            "default", Map.of("pretrainEpochs", DEFAULT_EPOCHS),
            "paper", Map.of("pretrainEpochs", 200));

    /**
     * {@code pretrainEpochs} ({@value #DEFAULT_EPOCHS}), {@code pretrainLr} (Adam, 1e-3) and {@code batchSize} (256, also the
     * batch of the learner's own phase): one spelling and one default everywhere, so learners share the
     * cached pretraining.
     */
    public static List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("pretrainEpochs", DEFAULT_EPOCHS, 0, 1_000_000, "epochs of autoencoder pretraining (Adam, mean squared error)"),
                ParamSpec.real("pretrainLr", 1e-3, 1e-8, 1.0, "Adam learning rate of the pretraining"),
                ParamSpec.integer("batchSize", 256, 2, 1_000_000, "mini-batch size"),
                ParamSpec.text(AUGMENT, AugmentationRecipe.NONE, "augmentation of each pretraining batch (input and target), a recipe ("
                        + String.join(", ", AugmentationRecipe.names()) + ") optionally with :key=value overrides; DEC-DA: affine "
                        + "(shifts 10%, rotations 10 degrees); images only"));
    }

    /**
     * The problems of the pretraining's parameters that no single declaration can find (a recipe that
     * does not parse), for a learner provider's {@code validate}, so they are reported before anything
     * is loaded or trained.
     */
    public static List<String> validate(Params p) {
        try {
            AugmentationRecipe.parse(p.getString(AUGMENT));
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(p.owner() + "." + AUGMENT + " = " + p.getString(AUGMENT) + " is not valid: " + e.getMessage());
        }
    }

    /**
     * The pretraining's part of every learner's presets (its epochs); a learner adds its own with
     * {@link org.dclust.api.param.Presets#merge}, overriding {@code pretrainEpochs} where its paper
     * pretrains longer or shorter.
     */
    public static Map<String, Map<String, Object>> presets() {
        return PRESETS;
    }

    /**
     * Pretraining settings.
     *
     * @param augment the augmentation recipe of each batch ({@link AugmentationRecipe#parse}), {@code none} for none
     */
    public record Settings(int epochs, double lr, int batchSize, String augment) {
        /** Settings without augmentation. */
        public Settings(int epochs, double lr, int batchSize) {
            this(epochs, lr, batchSize, AugmentationRecipe.NONE);
        }

        /** Reads {@code pretrainEpochs}, {@code pretrainLr}, {@code batchSize} and {@code pretrainAugment}. */
        public static Settings from(Params p) {
            return new Settings(p.getInt("pretrainEpochs"), p.getDouble("pretrainLr"), p.getInt("batchSize"), p.getString(AUGMENT));
        }
    }

    private Pretraining() {
    }

    /**
     * A pretrained network and the Adam that trained it: its moments over the network's parameters
     * that need a gradient, in {@link EncoderNetwork#parameters()} order, and its step count. DKM's authors
     * train with one Adam object from pretraining to the end, so a learner may carry this state on
     * ({@link Adam#continueFrom}). Both live in the manager given to {@link #pretrained}.
     */
    public record Pretrained(EncoderNetwork network, Adam optimizer) {
    }

    /**
     * Builds the context's backbone for the data and pretrains it, or loads the cached result; the
     * optimizer's state is dropped ({@link #pretrained} keeps it).
     *
     * @param manager where the network's parameters live (closed with the returned network)
     */
    public static EncoderNetwork pretrain(Dataset data, TrainingContext ctx, Settings s, NDManager manager) {
        Pretrained p = pretrained(data, ctx, s, manager);
        p.optimizer().close();
        return p.network();
    }

    /**
     * Builds the context's backbone for the data ({@link #network}) and pretrains it, or loads the
     * cached network and optimizer state.
     *
     * @param manager where the network's parameters and the optimizer's state live
     */
    public static Pretrained pretrained(Dataset data, TrainingContext ctx, Settings s, NDManager manager) {
        requireDecoder(ctx);
        AugmentationPipeline augment = AugmentationPipeline.forData(s.augment(), data, AUGMENT);
        EncoderNetwork net = network(data, ctx, manager);
        Adam adam = new Adam(net.parameters(), manager, s.lr());
        try {
            Path cached = cacheEntry(data, ctx, s);
            if (cached != null && Files.isRegularFile(cached.resolve("decoder.params"))
                    && Files.isRegularFile(cached.resolve(OPTIMIZER).resolve("meta.json"))) {
                load(net, adam, cached, manager);
                ctx.events().info("pretrained autoencoder loaded from the cache " + cached);
                warnIfLearnedLittle(net, data, ctx);
                return new Pretrained(net, adam);
            }
            train(net, adam, data, ctx, s, augment);
            warnIfLearnedLittle(net, data, ctx);
            if (cached != null) {
                store(net, adam, cached, data, ctx, s);
            }
            return new Pretrained(net, adam);
        } catch (RuntimeException e) {
            adam.close();
            throw e;
        }
    }

    /**
     * The label-free warning of {@link Reconstruction#learnedLittle} for the pretrained network, trained
     * here or loaded from the cache (a learner that reuses a cached pretraining is told too).
     */
    private static void warnIfLearnedLittle(EncoderNetwork net, Dataset data, TrainingContext ctx) {
        String little = Reconstruction.learnedLittle("the shared pretraining", net, data,
                "train it longer (--set learner.pretrainEpochs=N) or, where its loss has stalled, at a smaller rate (learner.pretrainLr)");
        if (little != null) {
            ctx.events().info(little);
        }
    }

    /**
     * Refuses, before anything is built, a backbone that builds no decoder: the pretraining
     * reconstructs its input. The framework refuses such a run earlier, when the learner declares
     * {@link org.dclust.api.spi.LearnerProvider#needsDecoder}; this catches a learner that does not.
     *
     * @throws DclustException naming the backbone and what to do
     */
    public static void requireDecoder(TrainingContext ctx) {
        if (!ctx.backbone().buildsDecoder()) {
            throw new DclustException("the autoencoder pretraining reconstructs its input, and the backbone " + ctx.backbone().name()
                    + " builds an encoder only: choose a backbone with a decoder (./dclust plugins --kind backbone lists them)");
        }
    }

    /**
     * A freshly initialised network of the context's backbone for the data, its weights drawn from the
     * context's {@code "init"} stream: what pretraining starts from, and what a learner that does not
     * pretrain (DKM's annealed variant) trains.
     */
    public static EncoderNetwork network(Dataset data, TrainingContext ctx, NDManager manager) {
        ctx.reseed("init", 0);
        return ctx.backbone().build(manager, data.sampleShape());
    }

    /** Trains {@code net} on reconstruction for {@code s.epochs()} epochs (resuming from a checkpoint). */
    private static void train(EncoderNetwork net, Adam adam, Dataset data, TrainingContext ctx, Settings s, AugmentationPipeline augment) {
        EpochLoop.run(PHASE, s.epochs(), data.size(), s.batchSize(), ctx, net.manager(), TrainingState.of(net, adam), (scope, idx, epoch, batch) -> {
            NDArray x = batch(data, augment, ctx, scope, idx, epoch, batch);
            NDArray loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                loss = Reconstruction.meanSquared(net.decode(net.encode(x, true), true), x);
                gc.backward(loss);
            }
            adam.step(scope);
            return loss.getFloat();
        }, null);
    }

    /**
     * The samples of one pretraining batch: the data's as they are when {@code augment} is null (no
     * generator is created, nothing is drawn), else their view drawn for (seed, epoch, batch).
     */
    static NDArray batch(Dataset data, AugmentationPipeline augment, TrainingContext ctx, NDManager scope, int[] idx, int epoch, int batch) {
        NDArray x = data.batch(scope, idx);
        return augment == null ? x : augment.apply(x, AugmentationPipeline.random(ctx, PHASE, epoch, batch));
    }

    /** The cache directory for this pretraining, or null when the context has no cache. */
    public static Path cacheEntry(Dataset data, TrainingContext ctx, Settings s) {
        if (ctx.cacheDir() == null) {
            return null;
        }
        return ctx.cacheDir().resolve(PHASE).resolve(key(data, ctx, s));
    }

    static String key(Dataset data, TrainingContext ctx, Settings s) {
        return CacheKey.of(identity(data, ctx, s));
    }

    /** What the key hashes: the work ({@link CacheKey#codeIdentity} first: version, code that trains, threads). */
    static Map<String, Object> identity(Dataset data, TrainingContext ctx, Settings s) {
        Map<String, Object> id = new LinkedHashMap<>(CacheKey.codeIdentity(ctx.backbone().getClass()));
        id.put("data", data.fingerprint());
        id.put("inputShape", data.sampleShape());
        id.put("backbone", ctx.backbone().name());
        id.put("backboneParams", new TreeMap<>(ctx.backbone().params().asMap()));
        id.put("epochs", s.epochs());
        id.put("lr", s.lr());
        id.put("batchSize", s.batchSize());
        // the recipe's strengths, so two spellings of one recipe share an entry
        id.put("augment", new TreeMap<>(AugmentationRecipe.parse(s.augment()).values()));
        id.put("seed", ctx.seed());
        id.put("device", ctx.device().getDeviceType());
        return id;
    }

    private static void load(EncoderNetwork net, Adam adam, Path dir, NDManager manager) {
        try (InputStream e = Files.newInputStream(dir.resolve("encoder.params"));
                InputStream d = Files.newInputStream(dir.resolve("decoder.params"));
                NDManager tmp = manager.newSubManager()) {
            net.loadEncoder(new DataInputStream(e));
            net.loadDecoder(new DataInputStream(d));
            adam.restore(Checkpoints.load(dir, OPTIMIZER, tmp).orElseThrow().arrays());
        } catch (IOException | RuntimeException ex) {
            throw new DclustException("the cached pretraining in " + dir + " is unreadable (" + ex.getMessage() + "); delete that directory", ex);
        }
    }

    private static void store(EncoderNetwork net, Adam adam, Path dir, Dataset data, TrainingContext ctx, Settings s) {
        try {
            Atomic.writeDirectory(dir, tmp -> {
                try (OutputStream e = Files.newOutputStream(tmp.resolve("encoder.params"));
                        OutputStream d = Files.newOutputStream(tmp.resolve("decoder.params"))) {
                    net.saveEncoder(new DataOutputStream(e));
                    net.saveDecoder(new DataOutputStream(d));
                }
                Checkpoints.save(tmp, OPTIMIZER, s.epochs(), adam.state(), Map.of());
                Checkpoints.flush();
                Files.writeString(tmp.resolve("identity.json"),
                        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(identity(data, ctx, s)), StandardCharsets.UTF_8);
            });
        } catch (IOException | DclustException ex) {
            ctx.events().info("could not cache the pretraining in " + dir + ": " + ex.getMessage());
        }
    }
}
