package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.KMeans;
import org.dclust.api.train.EventSink;
import org.dclust.api.train.TrainingContext;
import org.dclust.datasets.SyntheticProvider;
import org.dclust.dist.CliEndToEndTest.Outcome;
import org.dclust.framework.DclustModule;
import org.dclust.framework.study.StudyFile;
import org.dclust.framework.study.StudyRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, items 1 and 5: networks without a decoder (refused, before anything is loaded or trained,
 * with a learner that reconstructs), each learner's default backbone, and fixed features as phase 1
 * ({@code identity}: plain k-means with {@code centroid}, MNet's head on the vectors with {@code mnet}).
 */
class EncoderOnlyNetworksTest {
    private static final String[] BLOBS = {"--dataset", "synthetic", "--set", "dataset.samples=240", "--set", "dataset.dim=6",
        "--set", "dataset.noise=0.6", "--no-cache", "--seed", "4"};

    private static Outcome run(String... more) {
        List<String> all = new java.util.ArrayList<>(List.of("run"));
        all.addAll(List.of(BLOBS));
        all.addAll(List.of(more));
        return CliEndToEndTest.dclust(all.toArray(new String[0]));
    }

    /** The second column (the cluster) of an assignments or predictions file. */
    private static int[] clusters(Path csv) throws java.io.IOException {
        return Files.readAllLines(csv).stream().skip(1).mapToInt(l -> Integer.parseInt(l.split(",")[1])).toArray();
    }

    private static void refused(Outcome o, String message) {
        assertThat(o.code()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).contains("error: " + message).doesNotContain("internal error", "\tat ", "epoch");
    }

    @Test
    void aLearnerThatReconstructsIsRefusedAnEncoderOnlyBackboneBeforeAnything(@TempDir Path tmp) {
        for (String learner : List.of("ae", "dcss", "dcss-agg", "dec", "idec", "dcn", "dkm", "acai")) {
            Path out = tmp.resolve(learner);
            Outcome o = run("--learner", learner, "--backbone", "flatten", "--refiner", "centroid", "--out", out.toString());
            refused(o, "the learner " + learner + " needs a decoder (it reconstructs its input), and the backbone flatten builds an encoder "
                    + "only: use a backbone with a decoder (");
            assertThat(o.err()).contains("mlp", "conv", ") or a learner that needs none (identity, moco, secu)")
                    .doesNotContain("flatten,", ", flatten", "resnet", "contrastive");
            assertThat(out).doesNotExist();
        }
        refused(run("--learner", "identity", "--backbone", "mlp", "--refiner", "centroid"),
                "the learner identity works only with the backbone flatten, not mlp: give no backbone (its default is flatten) or one of those");
    }

    /** proximity fine-tunes only the encoder: the identity learner's flatten has no weights, so nothing would train (it crashed). */
    @Test
    void aRefinerThatTrainsOnlyTheEncoderIsRefusedAnEncoderWithoutWeights(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        refused(run("--learner", "identity", "--refiner", "proximity", "--out", out.toString()),
                "the refiner proximity fine-tunes the encoder it is given, and the backbone flatten (the learner identity's) has no weights "
                        + "to train: use a learner that trains an encoder, or a refiner that trains none or has a head of its own (");
        assertThat(out).doesNotExist();
        // with no epochs it trains nothing: k-means on the vectors, as centroid
        Outcome o = run("--learner", "identity", "--refiner", "proximity", "--set", "proximity.epochs=0", "--out", tmp.resolve("zero").toString());
        assertThat(o.code()).as(o.err()).isZero();
    }

    @Test
    void identityPlusCentroidIsTheToolkitsKMeansOnTheVectors(@TempDir Path tmp) throws Exception {
        Outcome o = run("--learner", "identity", "--refiner", "centroid", "--out", tmp.resolve("run").toString());
        assertThat(o.code()).as(o.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(tmp.resolve("run/result.json").toFile());
        assertThat(r.at("/identity/backbone/name").asText()).as("the learner's default backbone").isEqualTo("flatten");
        assertThat(Files.readString(tmp.resolve("run/config.yaml"))).contains("backbone: \"flatten\"");
        int[] labels = clusters(tmp.resolve("run/assignments.csv"));

        SyntheticProvider p = new SyntheticProvider();
        Dataset data = p.load(Params.resolve(p.name(), p.parameters(), Map.of("samples", 240, "dim", 6, "noise", 0.6)));
        float[][] x = new float[data.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = data.sample(i);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            KMeans.Result expected = KMeans.fit(x, 3, 10, 300, TrainingContext.builder(m).seed(4).build().random("kmeans", 0));
            assertThat(labels).containsExactly(expected.labels());
        }
    }

    @Test
    void identityPlusMnetTrainsMnetOnTheFixedVectors(@TempDir Path tmp) throws Exception {
        // well separated blobs (noise 0.1): MNet's head, trained on the vectors alone, must find them
        String[] data = {"--dataset", "synthetic", "--set", "dataset.samples=240", "--set", "dataset.dim=6"};
        List<String> args = new java.util.ArrayList<>(List.of("run", "--learner", "identity", "--refiner", "mnet", "--set", "refiner.epochs=10",
                "--set", "refiner.batchSize=32", "--no-cache", "--seed", "4", "--out", tmp.resolve("run").toString()));
        args.addAll(List.of(data));
        Outcome o = CliEndToEndTest.dclust(args.toArray(new String[0]));
        assertThat(o.code()).as(o.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(tmp.resolve("run/result.json").toFile());
        assertThat(r.at("/identity/refiner/name").asText()).isEqualTo("mnet");
        assertThat(r.at("/metrics/acc").asDouble()).isGreaterThanOrEqualTo(0.95);
        List<String> predict = new java.util.ArrayList<>(List.of("predict", "--model", tmp.resolve("run/model").toString(),
                "--out", tmp.resolve("p.csv").toString()));
        predict.addAll(List.of(data));
        Outcome p = CliEndToEndTest.dclust(predict.toArray(new String[0]));
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(clusters(tmp.resolve("p.csv"))).containsExactly(clusters(tmp.resolve("run/assignments.csv")));
    }

    @Test
    void aStudyWithoutABackboneGivesEachLearnerItsDefault(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("s.yaml"), """
                name: defaults
                datasets:
                  - {name: synthetic, label: blobs, set: {samples: 120, dim: 6}}
                learners: [ae, identity]
                refiners: [centroid]
                seeds: [1]
                set: {ae.pretrainEpochs: 1, mlp.hidden: "8"}
                """);
        StudyRunner runner = Guice.createInjector(new DclustModule()).getInstance(StudyRunner.class);
        runner.run(StudyFile.read(tmp.resolve("s.yaml")), tmp.resolve("out"), EventSink.NONE, () -> false);
        ObjectMapper om = new ObjectMapper();
        assertThat(om.readTree(tmp.resolve("out/cells/blobs/ae+centroid/seed1/result.json").toFile()).at("/identity/backbone/name").asText())
                .isEqualTo("mlp");
        assertThat(om.readTree(tmp.resolve("out/cells/blobs/identity+centroid/seed1/result.json").toFile()).at("/identity/backbone/name").asText())
                .isEqualTo("flatten");
        assertThat(Files.readString(tmp.resolve("out/results.md"))).contains("backbone each learner's default");
    }
}
