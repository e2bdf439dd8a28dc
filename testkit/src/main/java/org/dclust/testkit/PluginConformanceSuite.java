package org.dclust.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.Backbone;
import org.dclust.api.model.CentroidHead;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.SoftAssignment;
import org.dclust.api.param.InvalidParameterException;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.AssignmentProvider;
import org.dclust.api.spi.BackboneProvider;
import org.dclust.api.spi.DatasetProvider;
import org.dclust.api.spi.HeadProvider;
import org.dclust.api.spi.InternalIndexProvider;
import org.dclust.api.spi.LearnerProvider;
import org.dclust.api.spi.MetricProvider;
import org.dclust.api.spi.PluginInfo;
import org.dclust.api.spi.Plugins;
import org.dclust.api.spi.RefinerProvider;
import org.dclust.api.toolkit.Atomic;
import org.dclust.api.toolkit.Embeddings;
import org.dclust.api.toolkit.KMeans;
import org.dclust.api.train.TrainingContext;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance checks every registered plugin passes, for free: extend this class in a test of
 * your plugin module (an empty subclass is enough) and every provider on that module's class path is
 * checked (heads and soft assignments too):
 * <ul>
 *   <li>it loads, has a name and a title, and no two plugins of a kind share a name or alias;</li>
 *   <li>its defaults and every preset are valid, value by value and as a whole
 *       ({@link PluginInfo#validate}); an unknown parameter and an out-of-range value are rejected
 *       with a message naming the parameter;</li>
 *   <li>learners and refiners: the same seed twice gives identical assignments on tiny data, and a
 *       save/load round trip predicts identically;</li>
 *   <li>data sets that {@link #datasetParams} can load: loading twice gives the same fingerprint.</li>
 * </ul>
 * Training runs use the {@code quick} preset, then {@link #tinySettings}, on {@link #trainingData}
 * (120 blob samples) with {@link #backbone} ({@code testkit-tiny}); a module overrides these for a
 * plugin that needs other data or networks (images, an encoder-only backbone).
 */
public abstract class PluginConformanceSuite {
    /** Settings shrinking a run to seconds, applied where the plugin declares them. */
    protected Map<String, Object> tinySettings(PluginInfo plugin) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pretrainEpochs", 2);
        m.put("epochs", 2);
        m.put("batchSize", 32);
        m.put("kmeansRestarts", 2);
        return m;
    }

    /**
     * The data a learner or refiner is checked on, handed over without labels: 120 samples of 8 values
     * in 3 blobs unless overridden (a learner that needs images gets small images here).
     */
    protected Dataset trainingData(PluginInfo plugin) {
        return SyntheticData.blobs(120, 8, 3, 5);
    }

    /** The backbone a learner or refiner is checked with: {@code testkit-tiny} (D-16-3) unless overridden. */
    protected Backbone backbone(PluginInfo plugin) {
        return TinyBackbone.withLatent(3);
    }

    /** Parameters that let a data set plugin load in a test, or null to skip its load check. */
    protected Map<String, Object> datasetParams(DatasetProvider plugin) {
        return null;
    }

    private static final List<Class<? extends PluginInfo>> KINDS = List.of(DatasetProvider.class, BackboneProvider.class,
            LearnerProvider.class, RefinerProvider.class, MetricProvider.class, InternalIndexProvider.class, HeadProvider.class,
            AssignmentProvider.class);

    @TestFactory
    Stream<DynamicNode> declarations() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Class<? extends PluginInfo> kind : KINDS) {
            List<? extends PluginInfo> all = Plugins.all(kind);
            nodes.add(DynamicTest.dynamicTest(Plugins.kindName(kind) + " names are unique", () -> {
                List<String> seen = new ArrayList<>();
                for (PluginInfo p : all) {
                    List<String> names = new ArrayList<>(p.aliases());
                    names.add(p.name());
                    for (String n : names) {
                        String low = n.toLowerCase(Locale.ROOT);
                        assertThat(seen).as("name or alias %s of %s used twice", n, p.getClass().getName()).doesNotContain(low);
                        seen.add(low);
                    }
                }
            }));
            for (PluginInfo p : all) {
                nodes.add(DynamicContainer.dynamicContainer(Plugins.kindName(kind) + " " + p.name(), declarationChecks(p)));
            }
        }
        return nodes.stream();
    }

    private Stream<DynamicNode> declarationChecks(PluginInfo p) {
        List<DynamicNode> t = new ArrayList<>();
        t.add(DynamicTest.dynamicTest("has a name and a title", () -> {
            assertThat(p.name()).isNotBlank().doesNotContain(" ", ".");
            assertThat(p.title()).isNotBlank();
        }));
        t.add(DynamicTest.dynamicTest("defaults are valid, each and together", () ->
                assertThat(p.validate(Params.defaults(p.name(), p.parameters()))).isEmpty()));
        t.add(DynamicTest.dynamicTest("presets are valid, each and together", () -> {
            for (Map.Entry<String, Map<String, Object>> preset : p.presets().entrySet()) {
                assertThat(p.validate(Params.resolve(p.name(), p.parameters(), preset.getValue()))).as("preset " + preset.getKey()).isEmpty();
            }
        }));
        t.add(DynamicTest.dynamicTest("an unknown parameter is rejected by name", () ->
                assertThatThrownBy(() -> Params.resolve(p.name(), p.parameters(), Map.of("noSuchParameter", 1)))
                        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("noSuchParameter")));
        t.add(DynamicTest.dynamicTest("out-of-range values are rejected with the valid range", () -> {
            for (ParamSpec s : p.parameters()) {
                for (Object bad : outOfRange(s)) {
                    assertThatThrownBy(() -> Params.resolve(p.name(), p.parameters(), Map.of(s.name(), bad)))
                            .as("%s.%s = %s", p.name(), s.name(), bad)
                            .isInstanceOf(InvalidParameterException.class).hasMessageContaining(s.name()).hasMessageContaining(s.rangeText());
                }
            }
        }));
        return t.stream();
    }

    /**
     * Values a parameter must refuse: text that is not of its type, and for numbers the nearest values
     * just outside its declared range on either side (one below the smallest and one above the largest
     * integer; the next representable double below and above a real range), as numbers and as the
     * text a command line gives.
     */
    static List<Object> outOfRange(ParamSpec s) {
        List<Object> bad = new ArrayList<>();
        switch (s.type()) {
            case INT:
                bad.add("not-a-number");
                bad.add((long) s.min() - 1);
                bad.add((long) s.max() + 1);
                bad.add(String.valueOf((long) s.min() - 1));
                bad.add(String.valueOf((long) s.max() + 1));
                break;
            case DOUBLE:
                bad.add("not-a-number");
                bad.add(Math.nextDown(s.min()));
                bad.add(Math.nextUp(s.max()));
                bad.add(String.valueOf(Math.nextDown(s.min())));
                bad.add(String.valueOf(Math.nextUp(s.max())));
                break;
            case BOOLEAN:
                bad.add("maybe");
                break;
            case CHOICE:
                bad.add("no-such-choice");
                break;
            default:
                break;
        }
        return bad;
    }

    @TestFactory
    Stream<DynamicNode> datasets() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (DatasetProvider p : Plugins.all(DatasetProvider.class)) {
            Map<String, Object> params = datasetParams(p);
            if (params == null) {
                continue;
            }
            nodes.add(DynamicTest.dynamicTest("dataset " + p.name() + " loads the same content twice", () -> {
                Dataset a = p.load(Params.resolve(p.name(), p.parameters(), params));
                Dataset b = p.load(Params.resolve(p.name(), p.parameters(), params));
                assertThat(a.size()).isPositive();
                assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
            }));
        }
        return nodes.stream();
    }

    @TestFactory
    Stream<DynamicNode> learners() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (LearnerProvider p : Plugins.all(LearnerProvider.class)) {
            Params params = tinyParams(p);
            Backbone backbone = backbone(p);
            nodes.add(DynamicTest.dynamicTest("learner " + p.name() + ": same seed, same labels; save/load predicts identically",
                    () -> sameLabelsAndRoundTrip(trainingData(p),
                            (m, data) -> centroidModel(p.create(params).fit(data, context(m, 11, backbone))))));
        }
        return nodes.stream();
    }

    @TestFactory
    Stream<DynamicNode> refiners() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (RefinerProvider p : Plugins.all(RefinerProvider.class)) {
            Params params = tinyParams(p);
            Backbone backbone = backbone(p);
            nodes.add(DynamicTest.dynamicTest("refiner " + p.name() + ": same seed, same labels; save/load predicts identically",
                    () -> sameLabelsAndRoundTrip(trainingData(p),
                            (m, data) -> p.create(params).refine(latent(m, data, backbone), data, context(m, 11, backbone)))));
        }
        return nodes.stream();
    }

    /**
     * Fits twice with the same seed: the same labels and the same saved model, byte for byte (labels
     * alone can hide a draw that is not seeded); then loads the second model (same labels again). The
     * plugin gets the data without labels, as the framework hands it over.
     */
    private static void sameLabelsAndRoundTrip(Dataset labelled, BiFunction<NDManager, Dataset, ClusterModel> fit) throws Exception {
        Dataset data = labelled.withoutLabels();
        Path dir = Files.createTempDirectory("dclust-conformance");
        try (NDManager m = NDManager.newBaseManager()) {
            ClusterModel firstModel = fit.apply(m, data);
            int[] first = firstModel.predict(data);
            firstModel.save(dir.resolve("first"));
            ClusterModel second = fit.apply(m, data);
            assertThat(second.predict(data)).containsExactly(first);
            second.save(dir.resolve("model"));
            assertThat(fileContents(dir.resolve("model"))).as("the saved model of a second fit with the same seed")
                    .isEqualTo(fileContents(dir.resolve("first")));
            try (ClusterModel loaded = ClusterModel.load(dir.resolve("model"))) {
                assertThat(loaded.predict(data)).containsExactly(first);
            }
        } finally {
            Atomic.deleteTree(dir);
        }
    }

    /** Every file below {@code dir} by relative path, with its SHA-256. */
    private static Map<String, String> fileContents(Path dir) throws IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                try {
                    byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
                    out.put(dir.relativize(f).toString(), java.util.HexFormat.of().formatHex(digest));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    private Params tinyParams(PluginInfo p) {
        Map<String, Object> values = new LinkedHashMap<>(p.presets().getOrDefault("quick", Map.of()));
        for (Map.Entry<String, Object> e : tinySettings(p).entrySet()) {
            if (p.parameters().stream().anyMatch(s -> s.name().equals(e.getKey()))) {
                values.put(e.getKey(), e.getValue());
            }
        }
        return Params.resolve(p.name(), p.parameters(), values);
    }

    private static TrainingContext context(NDManager m, long seed, Backbone backbone) {
        return TrainingContext.builder(m).seed(seed).clusters(3).backbone(backbone).build();
    }

    /** A latent model from a freshly initialised tiny network and k-means centres on its codes. */
    private static LatentModel latent(NDManager m, Dataset data, Backbone backbone) {
        TrainingContext ctx = context(m, 3, backbone);
        ctx.reseed("init", 0);
        var net = ctx.backbone().build(m.newSubManager(), data.sampleShape());
        float[][] z = Embeddings.encode(net, data, 64);
        float[][] c = KMeans.fit(z, 3, 3, 100, ctx.random("kmeans", 0)).centres();
        return new LatentModel("testkit", net, c, SoftAssignment.fuzzy(1.5));
    }

    private static ClusterModel centroidModel(LatentModel lm) {
        return new ClusterModel(lm.network(), new CentroidHead(lm.network().manager(), lm.centres(), lm.assignment()), null, null);
    }
}
