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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.AutoEncoder;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.train.Adam;
import org.dclust.api.train.InPlace;
import org.dclust.api.train.TrainingContext;

/**
 * The autoencoder pretraining every AE-based learner starts from: end-to-end Adam on the mean squared
 * reconstruction error, seeded shuffles, one checkpoint per epoch. Its result is cached on disk under
 * {@code cacheDir/pretrain/KEY}, where KEY hashes the data fingerprint, the backbone and its
 * parameters, the input shape, the pretraining settings and the seed: a study that runs five learners
 * on the same data pretrains once.
 */
public final class Pretraining {
    /** The checkpoint phase name and the event phase name. */
    public static final String PHASE = "pretrain";

    /** The parameters a learner that pretrains declares (one spelling everywhere). */
    public static List<ParamSpec> parameters(int epochs, double lr, int batchSize) {
        return List.of(
                ParamSpec.integer("pretrainEpochs", epochs, 0, 1_000_000, "epochs of autoencoder pretraining (Adam, mean squared error)"),
                ParamSpec.real("pretrainLr", lr, 1e-8, 1.0, "Adam learning rate of the pretraining"),
                ParamSpec.integer("batchSize", batchSize, 2, 1_000_000, "mini-batch size"));
    }

    /** Pretraining settings. */
    public record Settings(int epochs, double lr, int batchSize) {
        /** Reads {@code pretrainEpochs}, {@code pretrainLr} and {@code batchSize}. */
        public static Settings from(Params p) {
            return new Settings(p.getInt("pretrainEpochs"), p.getDouble("pretrainLr"), p.getInt("batchSize"));
        }
    }

    private Pretraining() {
    }

    /**
     * Builds the context's backbone for the data and pretrains it, or loads the cached result.
     *
     * @param manager where the network's parameters live (closed with the returned network)
     */
    public static AutoEncoder pretrain(Dataset data, TrainingContext ctx, Settings s, NDManager manager) {
        ctx.reseed("init", 0);
        AutoEncoder net = ctx.backbone().build(manager, data.sampleShape());
        Path cached = cacheEntry(data, ctx, s);
        if (cached != null && Files.isRegularFile(cached.resolve("decoder.params"))) {
            load(net, cached);
            ctx.events().info("pretrained autoencoder loaded from the cache " + cached);
            return net;
        }
        train(net, data, ctx, s);
        if (cached != null) {
            store(net, cached, data, ctx, s);
        }
        return net;
    }

    /** Trains {@code net} on reconstruction for {@code s.epochs()} epochs (resuming from a checkpoint). */
    public static void train(AutoEncoder net, Dataset data, TrainingContext ctx, Settings s) {
        try (Adam adam = new Adam(net.parameters(), net.manager(), s.lr())) {
            EpochLoop.State state = new EpochLoop.State() {
                @Override
                public List<NDArray> arrays() {
                    List<NDArray> a = new ArrayList<>(net.state());
                    a.addAll(adam.state());
                    return a;
                }

                @Override
                public void restore(List<NDArray> arrays, Map<String, Object> meta) {
                    List<NDArray> own = net.state();
                    for (int i = 0; i < own.size(); i++) {
                        InPlace.copy(arrays.get(i), own.get(i));
                    }
                    adam.restore(arrays.subList(own.size(), arrays.size()));
                }
            };
            EpochLoop.run(PHASE, s.epochs(), data.size(), s.batchSize(), ctx, net.manager(), state, (scope, idx) -> {
                NDArray x = data.batch(scope, idx);
                NDArray loss;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray recon = net.decode(net.encode(x, true), true);
                    loss = recon.sub(x).square().mean();
                    gc.backward(loss);
                }
                adam.step(scope);
                return loss.getFloat();
            }, null);
        }
    }

    /** The cache directory for this pretraining, or null when the context has no cache. */
    public static Path cacheEntry(Dataset data, TrainingContext ctx, Settings s) {
        if (ctx.cacheDir() == null) {
            return null;
        }
        return ctx.cacheDir().resolve(PHASE).resolve(key(data, ctx, s));
    }

    static String key(Dataset data, TrainingContext ctx, Settings s) {
        Map<String, Object> id = identity(data, ctx, s);
        try {
            byte[] json = new ObjectMapper().writeValueAsBytes(id);
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(json)).substring(0, 24);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> identity(Dataset data, TrainingContext ctx, Settings s) {
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("data", data.fingerprint());
        id.put("inputShape", data.sampleShape());
        id.put("backbone", ctx.backbone().name());
        id.put("backboneParams", new java.util.TreeMap<>(ctx.backbone().params().asMap()));
        id.put("epochs", s.epochs());
        id.put("lr", s.lr());
        id.put("batchSize", s.batchSize());
        id.put("seed", ctx.seed());
        id.put("device", ctx.device().getDeviceType());
        return id;
    }

    private static void load(AutoEncoder net, Path dir) {
        try (InputStream e = Files.newInputStream(dir.resolve("encoder.params"));
                InputStream d = Files.newInputStream(dir.resolve("decoder.params"))) {
            net.loadEncoder(new DataInputStream(e));
            net.loadDecoder(new DataInputStream(d));
        } catch (IOException ex) {
            throw new DclustException("the cached pretraining in " + dir + " is unreadable (" + ex.getMessage() + "); delete that directory", ex);
        }
    }

    private static void store(AutoEncoder net, Path dir, Dataset data, TrainingContext ctx, Settings s) {
        try {
            Atomic.writeDirectory(dir, tmp -> {
                try (OutputStream e = Files.newOutputStream(tmp.resolve("encoder.params"));
                        OutputStream d = Files.newOutputStream(tmp.resolve("decoder.params"))) {
                    net.saveEncoder(new DataOutputStream(e));
                    net.saveDecoder(new DataOutputStream(d));
                }
                Files.writeString(tmp.resolve("identity.json"),
                        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(identity(data, ctx, s)), StandardCharsets.UTF_8);
            });
        } catch (IOException ex) {
            ctx.events().info("could not cache the pretraining in " + dir + ": " + ex.getMessage());
        }
    }
}
