package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.dclust.dist.CliEndToEndTest.dclust;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dclust.api.data.Dataset;
import org.dclust.api.spi.DatasetProvider;
import org.dclust.api.spi.Plugins;
import org.dclust.api.toolkit.Batches;
import org.dclust.api.train.TrainingContext;
import org.dclust.framework.Dclust;
import org.dclust.framework.metrics.SilhouetteIndex;
import org.dclust.framework.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Label-free model selection through the command line and the library (issue 19): K estimated with
 * {@code --clusters auto}, and the epoch each clustering phase keeps with {@code --select-epoch}.
 */
class LabelFreeSelectionTest {
    /** Four blobs of the synthetic data set (lifted into 20 dimensions), a short pretraining. */
    static final String[] BLOBS = {"--dataset", "synthetic", "--set", "dataset.clusters=4", "--set", "dataset.n=400", "--set",
        "dataset.weights=1,2,1,3", "--learner", "ae", "--set", "learner.pretrainEpochs=8", "--set", "mlp.hidden=32,32", "--no-tsne",
        "--no-cache", "--seed", "2"};

    static String[] run(String[] base, String... more) {
        String[] all = new String[1 + base.length + more.length];
        all[0] = "run";
        System.arraycopy(base, 0, all, 1, base.length);
        System.arraycopy(more, 0, all, 1 + base.length, more.length);
        return all;
    }

    @Test
    void badEstimateAndSelectionRequestsAreUserErrorsBeforeTraining(@TempDir Path tmp) {
        String never = tmp.resolve("never").toString();
        CliEndToEndTest.Outcome reversed = dclust(run(BLOBS, "--clusters", "auto:5..3", "--out", never));
        assertThat(reversed.code()).isEqualTo(2);
        assertThat(reversed.err()).contains("clusters = auto:5..3 is not valid: a range auto:MIN..MAX needs 2 <= MIN <= MAX")
                .doesNotContain("Exception", "\tat ");
        CliEndToEndTest.Outcome one = dclust(run(BLOBS, "--clusters", "auto:1..4", "--out", never));
        assertThat(one.code()).isEqualTo(2);
        assertThat(one.err()).contains("clusters = auto:1..4 is not valid");
        CliEndToEndTest.Outcome word = dclust(run(BLOBS, "--clusters", "many", "--out", never));
        assertThat(word.code()).isEqualTo(2);
        assertThat(word.err()).contains("--clusters many is not valid: expected a number of clusters (2 or more), auto, or auto:MIN..MAX");
        CliEndToEndTest.Outcome acai = dclust("run", "--dataset", "synthetic", "--learner", "acai", "--clusters", "auto", "--out", never);
        assertThat(acai.code()).isEqualTo(2);
        assertThat(acai.err()).contains("the learner acai (with these parameters) does not start from it", "give K with --clusters K",
                "ae", "dcss", "dec");
        CliEndToEndTest.Outcome annealed = dclust("run", "--dataset", "synthetic", "--learner", "dkm", "--set", "dkm.variant=annealed",
                "--clusters", "auto", "--out", never);
        assertThat(annealed.code()).isEqualTo(2);
        assertThat(annealed.err()).contains("the learner dkm (with these parameters) does not start from it");
        CliEndToEndTest.Outcome tooMany = dclust(run(BLOBS, "--clusters", "auto:2..500", "--out", never));
        assertThat(tooMany.code()).isEqualTo(2);
        assertThat(tooMany.err()).contains("tries K up to 500 but data set synthetic-blobs holds only 400 samples");
        CliEndToEndTest.Outcome select = dclust(run(BLOBS, "--select-epoch", "accuracy", "--out", never));
        assertThat(select.code()).isEqualTo(2);
        assertThat(select.err()).contains("selectEpoch = accuracy is not valid: expected final, calinski-harabasz, davies-bouldin,"
                + " featureTwist, silhouette, or max:VALUE / min:VALUE");
        assertThat(Path.of(never)).as("nothing is written before the configuration and the data are checked").doesNotExist();
    }

    @Test
    void autoFindsTheBlobsRecordsAndPlotsTheCurveAndResumes(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("auto");
        CliEndToEndTest.Outcome o = dclust(run(BLOBS, "--refiner", "centroid", "--clusters", "auto:2..8", "--checkpoint-every", "0",
                "--out", dir.toString()));
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.err()).contains("K: an estimate without labels in 2..8", "K = 4, estimated without labels on the pretrained codes",
                "<- chosen", "the data set declares 4 classes: the estimate is the same");
        assertThat(o.out()).contains("K = 4 from an estimate without labels", "K         4 estimated in 2..8 without labels");
        JsonNode r = new ObjectMapper().readTree(dir.resolve("result.json").toFile());
        assertThat(r.at("/kEstimate/k").asInt()).isEqualTo(4);
        assertThat(r.at("/identity/clusters").asInt()).isEqualTo(4);
        assertThat(r.at("/identity/clustersAuto").asText()).isEqualTo("2..8");
        assertThat(r.at("/clusterSizes")).hasSize(4);
        assertThat(r.at("/kEstimate/curves/silhouette")).hasSize(7);
        assertThat(r.at("/kEstimate/votes").size()).isGreaterThanOrEqualTo(4);
        assertThat(dir.resolve("plots/k-estimate.png")).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("config.yaml"))).contains("clusters: \"auto:2..8\"");
        // the pretraining ran once: the learner found it (here in the run's checkpoint, there is no cache)
        assertThat(r.at("/volatile/epochs/pretrain")).hasSize(8);
        assertThat(o.err()).contains("pretrain: resumed from the checkpoint after epoch 8");

        // started again after a stop, it estimates the same K and ends with the same labels
        String labels = Files.readString(dir.resolve("assignments.csv"));
        Files.delete(dir.resolve("result.json"));
        CliEndToEndTest.Outcome resumed = dclust("run", "--resume", dir.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(Files.readString(dir.resolve("assignments.csv"))).isEqualTo(labels);
    }

    @Test
    void theKeptEpochIsTheOneTheRecordedIndexFindsBestAndTheModelHoldsIt(@TempDir Path tmp) throws Exception {
        DatasetProvider fm = Plugins.find(DatasetProvider.class, "fashion-mnist-small");
        try (RunResult r = Dclust.pipeline().dataset("fashion-mnist-small", Map.of("n", 300)).learner("ae", Map.of("pretrainEpochs", 3))
                .backbone("mlp", Map.of("hidden", "64,64")).refiner("mnet", Map.of("epochs", 6, "uEpochs", 2, "batchSize", 100))
                .selectEpoch("silhouette").seed(3).plots(false, false).fit()) {
            var kept = r.record().keptEpochs().get("mnet");
            assertThat(kept.by()).isEqualTo("silhouette");
            assertThat(kept.epochs()).isEqualTo(6);
            // the index the loop reported for every epoch: the kept one is the best of them
            var lines = r.record().times().epochs().get("mnet");
            int best = 0;
            for (int e = 1; e < lines.size(); e++) {
                best = lines.get(e).values().get("silhouette") > lines.get(best).values().get("silhouette") ? e : best;
            }
            assertThat(kept.epoch()).isEqualTo(best + 1);
            assertThat(kept.score()).isEqualTo(lines.get(best).values().get("silhouette"));
            // and the returned model is that epoch's: its own codes and clusters score the same on the same sample
            Dataset data = fm.load(org.dclust.api.param.Params.resolve("fashion-mnist-small", fm.parameters(), Map.of("n", 300)));
            long seed;
            try (NDManager m = NDManager.newBaseManager()) {
                seed = TrainingContext.builder(m).seed(3).build().seedFor("epoch-selection", 0);
            }
            int[] sample = Batches.sample(data.size(), 3000, seed);
            float[][] codes = r.model().transform(data);
            int[] clusters = r.assignments();
            float[][] z = new float[sample.length][];
            int[] c = new int[sample.length];
            for (int i = 0; i < sample.length; i++) {
                z[i] = codes[sample[i]];
                c[i] = clusters[sample[i]];
            }
            assertThat(new SilhouetteIndex().score(z, c, 3)).isCloseTo(kept.score(), within(1e-4));
            // the learner (ae) has no clustering phase of its own: only mnet kept an epoch
            assertThat(r.record().keptEpochs()).containsOnlyKeys("mnet");
        }
    }

    /** A value no phase reports (a typo) keeps every final epoch, and the run says so with the values there were. */
    @Test
    void aSelectionByAValueNoPhaseReportsSaysSo() {
        for (String by : java.util.List.of("max:bogus", "max:participation")) {
            java.util.List<String> notes = new java.util.ArrayList<>();
            try (RunResult r = Dclust.pipeline().dataset("synthetic", Map.of("clusters", 3, "n", 200)).learner("ae", Map.of("pretrainEpochs", 2))
                    .backbone("mlp", Map.of("hidden", "16,16")).refiner("mnet", Map.of("epochs", 2, "uEpochs", 1, "batchSize", 100))
                    .selectEpoch(by).seed(1).plots(false, false).listener(notes(notes)).fit()) {
                java.util.List<String> said = notes.stream().filter(n -> n.contains("no phase of this run reported")).toList();
                if (by.equals("max:bogus")) {
                    assertThat(said).singleElement().asString().startsWith("epoch selection max:bogus: no phase of this run reported 'bogus', "
                            + "so each kept its final epoch; the values they reported: ").contains("loss", "participation");
                    assertThat(r.record().keptEpochs().get("mnet").epoch()).isEqualTo(2);
                } else {
                    assertThat(said).isEmpty();
                }
            }
        }
    }

    @Test
    void inTheLibraryWithoutDirectoriesThePretrainingRunsOnce() {
        java.util.List<String> notes = new java.util.ArrayList<>();
        try (RunResult r = Dclust.pipeline().dataset("synthetic", Map.of("clusters", 3, "n", 300)).learner("ae", Map.of("pretrainEpochs", 4))
                .backbone("mlp", Map.of("hidden", "32,32")).refiner("centroid").clustersAuto(2, 6).seed(1).plots(false, false)
                .listener(notes(notes)).fit()) {
            assertThat(r.record().kEstimate().k()).isEqualTo(r.record().identity().clusters()).isEqualTo(r.record().clusterSizes().length);
            assertThat(r.record().identity().clustersAuto()).isEqualTo("2..6");
            assertThat(r.record().times().epochs().get("pretrain")).hasSize(4);
            String loaded = notes.stream().filter(n -> n.startsWith("pretrained autoencoder loaded from the cache ")).findFirst().orElseThrow();
            // the run's own cache is gone once the learner has its pretraining
            assertThat(Path.of(loaded.substring("pretrained autoencoder loaded from the cache ".length()))).doesNotExist();
        }
    }

    /** An event sink that keeps the run's info lines in {@code notes}. */
    private static org.dclust.api.train.EventSink notes(java.util.List<String> notes) {
        return new org.dclust.api.train.EventSink() {
            @Override
            public void info(String message) {
                notes.add(message);
            }
        };
    }
}
