package org.dclust.phase1.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.Backbone;
import org.dclust.api.model.LatentModel;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.Embeddings;
import org.dclust.api.toolkit.Pretraining;
import org.dclust.api.train.Checkpoints;
import org.dclust.api.train.EpochReport;
import org.dclust.api.train.EventSink;
import org.dclust.api.train.TrainingContext;
import org.dclust.testkit.SyntheticData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DKM's two variants as the authors' dkm.py runs them: which α each epoch gets, where each starts
 * (the shared pretraining and its Adam, or a random network and random representatives), and that
 * the pretraining's Adam state survives the cache.
 */
class DkmLearnerTest {
    static final DkmLearnerProvider DKM = new DkmLearnerProvider();
    static final Dataset DATA = SyntheticData.blobs(120, 8, 3, 4).withoutLabels();
    static final Backbone NET = Fits.mlp("16", 2);

    static Params params(Map<String, Object> values) {
        Map<String, Object> m = new HashMap<>(Map.of("pretrainEpochs", 3, "batchSize", 32, "kmeansRestarts", 2));
        m.putAll(values);
        return Params.resolve("dkm", DKM.parameters(), m);
    }

    /** The ladder of dkm.py lines 64-71, written out: α_1 = 0.1, α_i = 2^(1/ln(i)²)·α_{i−1}. */
    static double[] ladder() {
        double[] a = new double[40];
        a[0] = 0.1;
        for (int i = 1; i < 40; i++) {
            a[i] = Math.pow(2, 1 / Math.pow(Math.log(i + 1), 2)) * a[i - 1];
        }
        return a;
    }

    static TrainingContext.Builder ctx(NDManager m, List<EpochReport> reports, List<String> phases, List<String> notes) {
        return TrainingContext.builder(m).seed(5).clusters(3).backbone(NET).events(new EventSink() {
            @Override
            public void phaseStarted(String phase, int epochs, int batches) {
                phases.add(phase);
            }

            @Override
            public void epochEnded(EpochReport r) {
                reports.add(r);
            }

            @Override
            public void info(String message) {
                notes.add(message);
            }
        });
    }

    static List<Double> alphas(List<EpochReport> reports) {
        return reports.stream().filter(r -> r.phase().equals("dkm")).map(r -> r.values().get("alpha")).toList();
    }

    @Test
    void eachEpochGetsTheAlphaOfItsVariant() {
        double[] a = ladder();
        assertThat(a[1]).isCloseTo(0.4233, within(1e-4));
        assertThat(a[39]).isCloseTo(28.13, within(0.01));
        DkmLearner pretrained = new DkmLearner("dkm", params(Map.of()));
        DkmLearner annealed = new DkmLearner("dkm", params(Map.of("variant", "annealed", "epochs", 200)));
        for (int e = 0; e < 200; e++) {
            assertThat(pretrained.alphaAt(e)).isEqualTo(1000.0);
            assertThat(annealed.alphaAt(e)).as("epoch %d", e).isCloseTo(a[e / 5], within(1e-12 * a[e / 5]));
        }
        // the defaults are the authors' pretrained schedule, 20 rounds of 5 epochs at alpha 1000, at a tenth of their lr,
        // after the shared pretraining; the paper preset keeps their lr and their 50 pretraining epochs
        assertThat(params(Map.of()).asMap()).containsEntry("variant", "pretrained").containsEntry("epochs", 100)
                .containsEntry("epochsPerAlpha", 5).containsEntry("alpha", 1000.0).containsEntry("alphaStart", 0.1)
                .containsEntry("lambda", 1.0).containsEntry("lr", 1e-4).containsEntry("optimizer", "adam");
        assertThat(new DkmLearnerProvider().presets().get("paper")).containsEntry("lr", 1e-3).containsEntry("epochs", 100)
                .containsEntry("pretrainEpochs", 50);
        // past the ladder's 40 values is refused when the configuration is resolved
        assertThat(DKM.validate(params(Map.of("variant", "annealed", "epochs", 201)))).singleElement().asString()
                .contains("dkm.epochs = 201", "at most 200");
        assertThat(DKM.validate(params(Map.of("variant", "annealed", "epochs", 200)))).isEmpty();
        assertThat(DKM.validate(params(Map.of("epochs", 201)))).isEmpty();
    }

    /** The same, as reported by real runs: annealed with 2 epochs per α, interrupted and resumed; pretrained, constant. */
    @Test
    void runsReportTheirAlphaAndTheAnnealedLadderResumesWhereItStopped(@TempDir Path tmp) {
        double[] a = ladder();
        Map<String, Object> annealed = Map.of("variant", "annealed", "epochsPerAlpha", 2, "epochs", 5);
        List<EpochReport> reports = new ArrayList<>();
        int[] full;
        try (NDManager m = NDManager.newBaseManager()) {
            try (LatentModel lm = DKM.create(params(annealed)).fit(DATA, ctx(m, reports, new ArrayList<>(), new ArrayList<>()).build())) {
                full = Fits.predict(lm, DATA);
            }
        }
        assertThat(alphas(reports)).containsExactly(a[0], a[0], a[1], a[1], a[2]);
        Map<String, Object> three = new HashMap<>(annealed);
        three.put("epochs", 3);
        try (NDManager m = NDManager.newBaseManager()) {
            DKM.create(params(three)).fit(DATA, ctx(m, new ArrayList<>(), new ArrayList<>(), new ArrayList<>())
                    .checkpointDir(tmp).checkpointSeconds(0).build()).close();
        }
        List<EpochReport> resumed = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            try (LatentModel lm = DKM.create(params(annealed)).fit(DATA, ctx(m, resumed, new ArrayList<>(), new ArrayList<>())
                    .checkpointDir(tmp).checkpointSeconds(0).build())) {
                assertThat(Fits.predict(lm, DATA)).containsExactly(full);
            }
        }
        assertThat(alphas(resumed)).containsExactly(a[1], a[2]);

        List<EpochReport> constant = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            DKM.create(params(Map.of("epochs", 3))).fit(DATA, ctx(m, constant, new ArrayList<>(), new ArrayList<>()).build()).close();
        }
        assertThat(alphas(constant)).containsExactly(1000.0, 1000.0, 1000.0);
    }

    /**
     * The annealed variant trains no autoencoder first and runs no k-means: the network is the
     * freshly initialised one and the representatives are uniform in [−1, 1] (compgraph.py lines
     * 48-52), drawn from the run's seed; nothing is written to the pretraining cache.
     */
    @Test
    void theAnnealedVariantStartsFromARandomNetworkAndRandomRepresentatives(@TempDir Path cache) {
        List<String> phases = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext c = ctx(m, new ArrayList<>(), phases, notes).cacheDir(cache).build();
            try (LatentModel lm = DKM.create(params(Map.of("variant", "annealed", "epochs", 0))).fit(DATA, c);
                    var fresh = Pretraining.network(DATA, c, m.newSubManager())) {
                Random r = c.random("dkm-representatives", 0);
                for (float[] row : lm.centres()) {
                    for (float v : row) {
                        assertThat(v).isEqualTo(2 * r.nextFloat() - 1).isBetween(-1f, 1f);
                    }
                }
                assertThat(Embeddings.encode(lm.network(), DATA, 50)).isDeepEqualTo(Embeddings.encode(fresh, DATA, 50));
            }
        }
        assertThat(phases).containsExactly("dkm");
        assertThat(cache).isEmptyDirectory();
        assertThat(notes).anyMatch(n -> n.startsWith("dkm: the annealed variant walks 0 of the ladder's 40 values"));
    }

    /**
     * The pretrained variant goes on with the pretraining's Adam, as the authors' single optimizer
     * does: after 3 pretraining epochs and 1 DKM epoch of 4 batches its step count is 16, not 4; and
     * a pretraining loaded from the cache carries the same state, so a warm cache gives the labels and
     * representatives of a cold one, bit for bit.
     */
    @Test
    void thePretrainedVariantContinuesThePretrainingsAdamAlsoFromTheCache(@TempDir Path tmp) {
        Params p = params(Map.of("epochs", 1));
        List<int[]> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path cache : new Path[] {null, tmp.resolve("cache"), tmp.resolve("cache")}) {
            try (NDManager m = NDManager.newBaseManager()) {
                Path checkpoints = tmp.resolve("ck" + results.size());
                TrainingContext c = ctx(m, new ArrayList<>(), new ArrayList<>(), notes).cacheDir(cache).checkpointDir(checkpoints)
                        .checkpointSeconds(0).build();
                try (LatentModel lm = DKM.create(p).fit(DATA, c)) {
                    int[] labels = Fits.predict(lm, DATA);
                    int[] bits = Stream.of(lm.centres()).flatMapToInt(row -> {
                        int[] b = new int[row.length];
                        for (int j = 0; j < row.length; j++) {
                            b[j] = Float.floatToIntBits(row[j]);
                        }
                        return java.util.Arrays.stream(b);
                    }).toArray();
                    int[] both = java.util.Arrays.copyOf(labels, labels.length + bits.length);
                    System.arraycopy(bits, 0, both, labels.length, bits.length);
                    results.add(both);
                }
                long steps = Checkpoints.load(checkpoints, "dkm", m).orElseThrow().arrays().get("optimizer.steps").getLong(0);
                assertThat(steps).isEqualTo(3 * 4 + 4);
            }
        }
        assertThat(notes).filteredOn(n -> n.startsWith("pretrained autoencoder loaded from the cache")).hasSize(1);
        assertThat(Files.exists(tmp.resolve("cache"))).isTrue();
        assertThat(results.get(1)).as("cold cache, as without one").containsExactly(results.get(0));
        assertThat(results.get(2)).as("warm cache, as a cold one").containsExactly(results.get(1));
    }
}
