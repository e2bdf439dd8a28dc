package org.dclust.refiners.proximity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.Refiner;
import org.dclust.api.model.SoftAssignment;
import org.dclust.api.param.InvalidParameterException;
import org.dclust.api.param.Params;
import org.dclust.api.spi.Plugins;
import org.dclust.api.spi.RefinerProvider;
import org.dclust.api.toolkit.Embeddings;
import org.dclust.api.train.EpochReport;
import org.dclust.api.train.EventSink;
import org.dclust.api.train.TrainingContext;
import org.dclust.refiners.mnet.Fixtures;
import org.dclust.refiners.mnet.Recorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proximity refiner end to end on 150 points of two moons lifted into 20 dimensions. */
class ProximityRefinerTest {
    static final int N = 150;
    static final ProximityRefinerProvider PROVIDER = new ProximityRefinerProvider();

    static Dataset data() {
        return ProximityExploration.synthetic(Map.of("shape", "moons", "samples", N, "noise", 0.05, "seed", 4, "mapSeed", 4))
                .withoutLabels();
    }

    static Refiner proximity(Map<String, Object> overrides) {
        Map<String, Object> p = new LinkedHashMap<>(Map.of("epochs", 6, "fadeEpochs", 3, "graphInterval", 2, "batchSize", 50,
                "neighbours", 8, "minTrusted", 2, "lr", 1e-3));
        p.putAll(overrides);
        return PROVIDER.create(Params.resolve("proximity", PROVIDER.parameters(), p));
    }

    static TrainingContext ctx(NDManager m, long seed, Path checkpoints, EventSink sink) {
        return TrainingContext.builder(m).seed(seed).clusters(2).backbone(Fixtures.backbone(4, "16")).checkpointDir(checkpoints)
                .checkpointSeconds(0).events(sink).build();
    }

    /** A tiny AE (5 pretraining epochs) with k-means centres, built from the context's seed. */
    static LatentModel latent(Dataset data, TrainingContext ctx) {
        return Fixtures.aeKmeans(data, ctx, 5, 1e-3, 32);
    }

    @Test
    void resumedRunEqualsUninterruptedRunAndSaveLoadKeepsPredictions(@TempDir Path tmp) throws IOException {
        Dataset data = data();
        Map<String, Object> settings = Map.of("graphInterval", 3);
        float[][] full;
        Recorder rec = new Recorder(ProximityRefiner.PHASE);
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext c = ctx(m, 7, tmp.resolve("a"), rec);
            try (ClusterModel cm = proximity(settings).refine(latent(data, c), data, c)) {
                full = cm.predictProba(data);
                cm.save(tmp.resolve("model"));
            }
        }
        // events per epoch, the drift per sample at the end
        assertThat(rec.epochs).hasSize(6);
        for (EpochReport r : rec.epochs) {
            assertThat(r.values()).containsKeys("loss", "proximity", "proximityWeight", "clustersUsed", "largestShare", "kept", "mutual",
                    "knnChange", "drift");
            assertThat(r.values().get("kept")).isBetween(0.01, 1.0);
            assertThat(r.values().get("mutual")).isBetween(0.0, 1.0);
            assertThat(r.values().get("clustersUsed")).isBetween(1.0, 2.0);
        }
        // the graph is rebuilt after epoch 3 (not after the last): no drift before, some after
        assertThat(rec.epochs.subList(0, 2)).allMatch(r -> r.values().get("drift") == 0.0 && r.values().get("knnChange") == 0.0);
        assertThat(rec.epochs.get(2).values().get("drift")).isPositive();
        assertThat(rec.epochs.get(2).values().get("knnChange")).isEqualTo(rec.epochs.get(2).values().get("drift"));
        // the reconstruction fades over 3 epochs of 3 batches: β = 3/9, 6/9, 1, then 1
        assertThat(rec.epochs).extracting(r -> r.values().get("proximityWeight")).containsExactly(3 / 9.0, 6 / 9.0, 1.0, 1.0, 1.0, 1.0);
        assertThat(rec.epochs.subList(0, 2)).allMatch(r -> r.values().containsKey("reconstruction"));
        assertThat(rec.epochs.subList(3, 6)).noneMatch(r -> r.values().containsKey("reconstruction"));
        assertThat(rec.series.get("proximity.knnDrift")).hasSize(N);
        assertThat(java.util.Arrays.stream(rec.series.get("proximity.knnDrift")).boxed().toList()).allMatch(v -> v >= 0 && v <= 1).anyMatch(v -> v > 0);
        try (ClusterModel loaded = ClusterModel.load(tmp.resolve("model"))) {
            assertThat(loaded.predictProba(data)).isDeepEqualTo(full);
            assertThat(loaded.head().describe()).containsEntry("kind", "centroid");
        }
        // stopped after 2 epochs (inside the first graph period) and after 4 (inside the second), each time
        // started again on the same directory
        for (int stop : new int[] {2, 4}) {
            try (NDManager m = NDManager.newBaseManager()) {
                TrainingContext c = ctx(m, 7, tmp.resolve("b"), null);
                Map<String, Object> early = new LinkedHashMap<>(settings);
                early.put("epochs", stop);
                proximity(early).refine(latent(data, c), data, c).close();
            }
        }
        Recorder resumed = new Recorder(ProximityRefiner.PHASE);
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext c = ctx(m, 7, tmp.resolve("b"), resumed);
            try (ClusterModel cm = proximity(settings).refine(latent(data, c), data, c)) {
                assertThat(cm.predictProba(data)).isDeepEqualTo(full);
            }
        }
        assertThat(resumed.epochs).extracting(EpochReport::epoch).containsExactly(5, 6);
        for (String value : new String[] {"loss", "drift", "kept", "clustersUsed"}) {
            assertThat(resumed.epochs).extracting(r -> r.values().get(value)).as(value)
                    .containsExactlyElementsOf(rec.epochs.subList(4, 6).stream().map(r -> r.values().get(value)).toList());
        }
    }

    @Test
    void sameSeedTwiceGivesIdenticalLabels() {
        Dataset data = data();
        float[][][] proba = new float[2][][];
        for (int run = 0; run < 2; run++) {
            try (NDManager m = NDManager.newBaseManager()) {
                TrainingContext c = ctx(m, 3, null, null);
                try (ClusterModel cm = proximity(Map.of()).refine(latent(data, c), data, c)) {
                    proba[run] = cm.predictProba(data);
                }
            }
        }
        assertThat(proba[1]).isDeepEqualTo(proba[0]);
    }

    /**
     * Without fading (fadeEpochs = 0) the decoder is left alone and only the pull trains the encoder;
     * with fading, the decoder trains while the reconstruction is in the loss. No epochs at all is
     * k-means on the codes as given.
     */
    @Test
    void theDecoderTrainsOnlyWhileTheReconstructionFades() {
        Dataset data = data();
        for (int fade : new int[] {0, 3}) {
            Recorder rec = new Recorder(ProximityRefiner.PHASE);
            try (NDManager m = NDManager.newBaseManager()) {
                TrainingContext c = ctx(m, 3, null, rec);
                LatentModel lm = latent(data, c);
                List<float[]> decoder = values(lm.network().decoderParameters());
                List<float[]> encoder = values(lm.network().encoderParameters());
                try (ClusterModel cm = proximity(Map.of("fadeEpochs", fade)).refine(lm, data, c)) {
                    assertThat(changed(decoder, values(lm.network().decoderParameters()))).as("decoder, fade %d", fade).isEqualTo(fade > 0);
                    assertThat(changed(encoder, values(lm.network().encoderParameters()))).as("encoder, fade %d", fade).isTrue();
                }
            }
            assertThat(rec.epochs).as("fade %d", fade).allMatch(r -> r.values().containsKey("reconstruction") == (fade > 0 && r.epoch() <= fade));
        }
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext c = ctx(m, 3, null, null);
            LatentModel lm = latent(data, c);
            float[][] codes = Embeddings.encode(lm.network(), data, 1000);
            int[] kmeans = org.dclust.api.toolkit.KMeans.fit(codes, 2, 10, 300, c.random("proximity-kmeans", 0)).labels();
            try (ClusterModel cm = proximity(Map.of("epochs", 0)).refine(lm, data, c)) {
                assertThat(cm.predict(data)).containsExactly(kmeans);
            }
        }
    }

    /** A learner without a decoder (an encoder-only network, as contrastive learners give) composes: the pull alone trains. */
    @Test
    void worksWithAnEncoderWithoutDecoder() {
        Dataset data = data();
        Recorder rec = new Recorder(ProximityRefiner.PHASE);
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext c = ctx(m, 3, null, rec);
            c.reseed("init", 0);
            SequentialBlock encoder = new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(4).build());
            EncoderNetwork net = new EncoderNetwork(Fixtures.backbone(4, "16"), encoder, null, m.newSubManager(), new int[] {20});
            float[][] codes = Embeddings.encode(net, data, 1000);
            float[][] centres = org.dclust.api.toolkit.KMeans.fit(codes, 2, 3, 100, c.random("kmeans", 0)).centres();
            try (ClusterModel cm = proximity(Map.of()).refine(new LatentModel("encoder-only", net, centres, SoftAssignment.nearest()), data, c)) {
                assertThat(cm.predict(data)).hasSize(N).containsOnly(0, 1);
            }
        }
        assertThat(rec.epochs).hasSize(6).allMatch(r -> !r.values().containsKey("reconstruction") && r.values().get("proximityWeight") == 1.0);
    }

    @Test
    void refusesWhatItCannotUseBeforeTraining() {
        Dataset data = data();
        Recorder rec = new Recorder(ProximityRefiner.PHASE);
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext c = ctx(m, 3, null, rec);
            LatentModel lm = latent(data, c);
            rec.phases.clear();
            assertThatThrownBy(() -> proximity(Map.of()).refine(lm, data, c.withClusters(3)))
                    .isInstanceOf(DclustException.class).hasMessageContaining("3 clusters").hasMessageContaining("2 centres");
            Dataset other = new Dataset("other", new float[N * 7], new int[] {7}, null, 0);
            assertThatThrownBy(() -> proximity(Map.of()).refine(lm, other, c))
                    .isInstanceOf(DclustException.class).hasMessageContaining("[7]").hasMessageContaining("[20]");
            Dataset few = data.subset("few", new int[] {0, 1, 2, 3, 4, 5, 6, 7});
            assertThatThrownBy(() -> proximity(Map.of()).refine(lm, few, c))
                    .isInstanceOf(DclustException.class).hasMessageContaining("proximity.neighbours = 8").hasMessageContaining("has 8");
            assertThat(rec.phases).isEmpty();
            lm.close();
        }
        assertThatThrownBy(() -> proximity(Map.of("minTrusted", 9))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("minTrusted = 9 exceeds proximity.neighbours = 8");
        assertThat(PROVIDER.validate(Params.resolve("proximity", PROVIDER.parameters(), Map.of("neighbours", 4, "minTrusted", 5))))
                .singleElement().asString().contains("minTrusted");
        assertThatThrownBy(() -> proximity(Map.of("links", "some"))).isInstanceOf(InvalidParameterException.class).hasMessageContaining("links");
    }

    @Test
    void registeredWithPresetsAndItsChoicesMarkedAsOurs() {
        RefinerProvider p = Plugins.find(RefinerProvider.class, "proximity");
        assertThat(p).isInstanceOf(ProximityRefinerProvider.class);
        assertThat(Plugins.find(RefinerProvider.class, "rdc-proximity")).isInstanceOf(ProximityRefinerProvider.class);
        assertThat(p.paper()).hasValueSatisfying(cite -> assertThat(cite.arxiv()).isEqualTo("2503.03733"));
        assertThat(p.presets()).containsKeys("quick", "default", "paper");
        for (Map<String, Object> preset : p.presets().values()) {
            assertThat(p.create(Params.resolve("proximity", p.parameters(), preset))).isInstanceOf(ProximityRefiner.class);
        }
        assertThat(p.description()).contains("OURS, not the paper's").contains("paper = ours too");
        assertThat(p.parameters()).filteredOn(s -> !s.name().equals("kmeansRestarts")).allMatch(s -> s.doc().contains("ours"));
    }

    private static List<float[]> values(List<Parameter> params) {
        List<float[]> out = new ArrayList<>();
        for (Parameter q : params) {
            out.add(q.getArray().toFloatArray());
        }
        return out;
    }

    private static boolean changed(List<float[]> before, List<float[]> after) {
        for (int i = 0; i < before.size(); i++) {
            if (!java.util.Arrays.equals(before.get(i), after.get(i))) {
                return true;
            }
        }
        return false;
    }
}
