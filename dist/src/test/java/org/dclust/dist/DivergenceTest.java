package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.dclust.api.model.CentroidHead;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.Refiner;
import org.dclust.api.model.SoftAssignment;
import org.dclust.api.param.Params;
import org.dclust.api.spi.LearnerProvider;
import org.dclust.api.spi.RefinerProvider;
import org.dclust.api.train.TrainingDivergedException;
import org.dclust.dist.CliEndToEndTest.Outcome;
import org.dclust.framework.Dclust;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training that diverges (issue 13, item 2: features around 1e6 and a pretraining learning rate of
 * 1 drive the loss to infinity) stops the run with one message naming the phase, the epoch and what
 * to try, exit code 3, and nothing saved as a result; in a study the cell is recorded as failed and the
 * others run. Learners and refiners that train outside the shared loop are caught by the checks on
 * what they return.
 */
class DivergenceTest {
    /** 300 samples of 8 features around 1e6, three classes 3e5 apart (what a user exports unscaled). */
    static Path hugeFeatures(Path dir) throws Exception {
        Random r = new Random(0);
        StringBuilder csv = new StringBuilder("f0,f1,f2,f3,f4,f5,f6,f7,label\n");
        for (int i = 0; i < 300; i++) {
            int y = i % 3;
            for (int j = 0; j < 8; j++) {
                csv.append(String.format(Locale.ROOT, "%.3f,", 1e6 + 3e5 * y + 1e5 * r.nextGaussian()));
            }
            csv.append(y).append('\n');
        }
        return Files.writeString(dir.resolve("huge.csv"), csv.toString());
    }

    @Test
    void aDivergedRunStopsWithOneMessageExitCode3AndNoResult(@TempDir Path tmp) throws Exception {
        Path data = hugeFeatures(tmp);
        Path out = tmp.resolve("run");
        Path cache = tmp.resolve("cache");
        Outcome o = CliEndToEndTest.dclust("run", "--dataset", "features", "--set", "dataset.path=" + data, "--set", "dataset.label=label",
                "--learner", "ae", "--refiner", "centroid", "--set", "learner.pretrainLr=1", "--set", "learner.pretrainEpochs=3",
                "--cache", cache.toString(), "--no-tsne", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isEqualTo(3);
        assertThat(o.err()).contains("error: pretrain: the training diverged in epoch 1 of 3: the loss of a batch is Infinity. "
                + "Nothing was saved as a result; try a smaller learning rate (now learner.pretrainLr = 1.0), or standardized input "
                + "(--preprocessing standardize)").doesNotContain("\tat ", "Exception");
        assertThat(o.out()).doesNotContain("| acc |");
        assertThat(out).as("what the run wrote is removed, so --out can be used again").doesNotExist();
        if (Files.exists(cache)) {
            try (Stream<Path> cached = Files.walk(cache)) {
                assertThat(cached.filter(Files::isRegularFile)).as("nothing diverged is cached").isEmpty();
            }
        }
    }

    @Test
    void aDivergedRunIntoAnEmptyDirectoryLeavesItEmptyAndAResumedOneKeepsItsDirectory(@TempDir Path tmp) throws Exception {
        Path data = hugeFeatures(tmp);
        Path out = Files.createDirectories(tmp.resolve("empty"));
        String[] args = {"run", "--dataset", "features", "--set", "dataset.path=" + data, "--learner", "ae", "--refiner", "centroid",
            "--clusters", "3", "--set", "learner.pretrainLr=1", "--set", "learner.pretrainEpochs=2", "--no-cache", "--no-tsne", "--out", out.toString()};
        assertThat(CliEndToEndTest.dclust(args).code()).isEqualTo(3);
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).isEmpty();
        }
        // a run directory from before (here: written by hand as an interrupted run would leave it) is kept
        Files.writeString(out.resolve("config.yaml"), "dataset: features\nlearner: ae\nrefiner: centroid\nclusters: 3\nseed: 1\nset: {dataset.path: '"
                + data + "', learner.pretrainLr: 1, learner.pretrainEpochs: 2}\n");
        Outcome resumed = CliEndToEndTest.dclust("run", "--resume", out.toString(), "--no-cache", "--no-tsne");
        assertThat(resumed.code()).as(resumed.err()).isEqualTo(3);
        assertThat(out.resolve("config.yaml")).exists();
    }

    @Test
    void aDivergedStudyCellIsRecordedAsFailedAndTheOthersRun(@TempDir Path tmp) throws Exception {
        Path data = hugeFeatures(tmp);
        Path study = Files.writeString(tmp.resolve("s.yaml"), "name: s\ndatasets:\n  - {name: features, label: huge, set: {path: '" + data
                + "', label: label}}\nlearners: [ae, dkm]\nrefiners: [centroid]\nset: {ae.pretrainLr: 1, learner.pretrainEpochs: 2, dkm.epochs: 1}\n");
        Path dir = tmp.resolve("study");
        Outcome o = CliEndToEndTest.dclust("study", study.toString(), "--out", dir.toString());
        assertThat(o.code()).as(o.err()).isEqualTo(3);
        assertThat(o.err()).contains("error: 1 of 2 cells failed", "huge/ae+centroid/seed1: pretrain: the training diverged in epoch 1 of 2");
        JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(results.get("cellsDone").asInt()).isEqualTo(1);
        assertThat(results.get("cellsFailed").asInt()).isEqualTo(1);
        assertThat(results.at("/runs/0/cell").asText()).isEqualTo("huge/dkm+centroid/seed1");
        assertThat(results.at("/failed/0/cell").asText()).isEqualTo("huge/ae+centroid/seed1");
        String md = Files.readString(dir.resolve("results.md"));
        assertThat(md).contains("1 of 2 runs finished, 1 failed", "| dkm+centroid | 1 |", "## Failed runs",
                "- `huge/ae+centroid/seed1`: pretrain: the training diverged");
        assertThat(md).doesNotContain("| ae+centroid |");
        assertThat(dir.resolve("cells/huge/ae+centroid/seed1/model")).doesNotExist();

        // started again unchanged: the failure stands without training again, the exit code still says so
        Outcome again = CliEndToEndTest.dclust("study", study.toString(), "--out", dir.toString());
        assertThat(again.code()).isEqualTo(3);
        assertThat(again.err()).contains("cell huge/ae+centroid/seed1 failed before with this configuration; not run again")
                .doesNotContain("pretrain   epoch");
    }

    @Test
    void aLearnerOutsideTheSharedLoopThatReturnsNaNCentresIsCaught() {
        LearnerProvider nanCentres = learner("nan-centres", (data, ctx) -> {
            var net = ctx.backbone().build(ctx.manager().newSubManager(), data.sampleShape());
            float[][] c = new float[ctx.clusters()][net.latentDim()];
            Arrays.stream(c).forEach(row -> Arrays.fill(row, Float.NaN));
            return new LatentModel("nan-centres", net, c, SoftAssignment.nearest());
        });
        assertThatThrownBy(() -> tiny().learner(nanCentres, Map.of()).refiner("centroid").fit())
                .isInstanceOfSatisfying(TrainingDivergedException.class, e -> assertThat(e.phase()).isEqualTo("nan-centres"))
                .hasMessageStartingWith("nan-centres: the training diverged: its latent model holds NaN or infinite values");
    }

    @Test
    void aRefinerWhoseModelGivesNaNProbabilitiesIsCaught() {
        RefinerProvider nanHead = new RefinerProvider() {
            @Override
            public String name() {
                return "nan-head";
            }

            @Override
            public String title() {
                return "a refiner whose centres are NaN";
            }

            @Override
            public Refiner create(Params params) {
                return (latent, data, ctx) -> {
                    float[][] c = latent.centres();
                    Arrays.stream(c).forEach(row -> Arrays.fill(row, Float.NaN));
                    return new ClusterModel(latent.network(), new CentroidHead(latent.network().manager(), c, latent.assignment()),
                            org.dclust.api.data.Preprocessing.none(), null);
                };
            }
        };
        assertThatThrownBy(() -> tiny().learner("ae", Map.of("pretrainEpochs", 1)).refiner(nanHead, Map.of()).fit())
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageStartingWith("nan-head: the training diverged: the trained model holds or gives NaN or infinite values");
    }

    private static Dclust tiny() {
        return Dclust.pipeline().dataset("fashion-mnist-small", Map.of("n", 100)).backbone("mlp", Map.of("hidden", "32,32")).clusters(3).seed(1);
    }

    private static LearnerProvider learner(String name, LatentLearner learner) {
        return new LearnerProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String title() {
                return "a learner for the test";
            }

            @Override
            public LatentLearner create(Params params) {
                return learner;
            }
        };
    }

}
