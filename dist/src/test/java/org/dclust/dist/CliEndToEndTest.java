package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dclust.framework.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, with every bundled plugin on the class path. */
class CliEndToEndTest {
    /** A quick pipeline on 300 embedded images. */
    static final String[] TINY = {"--dataset", "fashion-mnist-small", "--set", "dataset.n=300", "--learner", "ae", "--refiner",
        "centroid", "--set", "learner.pretrainEpochs=3", "--set", "mlp.hidden=64,64", "--no-cache", "--seed", "3"};

    record Outcome(int code, String out, String err) {
    }

    static Outcome dclust(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** "run", the tiny pipeline's options, then more. */
    static String[] tinyRun(String... more) {
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(List.of(TINY));
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    /** A parameter set twice on the command line, under one spelling or two, is refused, as in a file. */
    @Test
    void aParameterSetTwiceIsAUserError(@TempDir Path tmp) {
        Outcome same = dclust("run", "--set", "dataset.n=300", "--set", "dataset.n=400", "--out", tmp.resolve("a").toString());
        assertThat(same.code()).isEqualTo(2);
        assertThat(same.err()).contains("--set dataset.n is given twice (300 and 400); give it once");
        Outcome alias = dclust("run", "--set", "dataset.n=300", "--set", "fashion-mnist-small.n=200", "--out", tmp.resolve("b").toString());
        assertThat(alias.code()).isEqualTo(2);
        assertThat(alias.err()).contains("settings 'dataset.n' and 'fashion-mnist-small.n' both set the dataset's n; give it once");
        assertThat(tmp.resolve("a")).doesNotExist();
        assertThat(tmp.resolve("b")).doesNotExist();
    }

    @Test
    void aResumedRunKeepsTheCacheAndCheckpointSettingsItStartedWith(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        Path cache = tmp.resolve("cache");
        List<String> args = new ArrayList<>(List.of("run", "--dataset", "fashion-mnist-small", "--set", "dataset.n=300",
                "--learner", "ae", "--refiner", "centroid", "--set", "learner.pretrainEpochs=3", "--set", "mlp.hidden=64,64",
                "--seed", "3", "--no-tsne", "--checkpoint-every", "0", "--cache", cache.toString(), "--out", dir.toString()));
        Outcome first = dclust(args.toArray(String[]::new));
        assertThat(first.code()).as(first.err()).isZero();
        String settings = Files.readString(dir.resolve("run-settings.json"));
        assertThat(settings).contains(cache.toAbsolutePath().toString()).contains("\"checkpointEvery\" : 0.0").contains("\"tsne\" : false");
        // as if the run had been killed before writing its results
        Files.delete(dir.resolve("result.json"));
        Outcome resumed = dclust("run", "--resume", dir.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("loaded from the cache " + cache.toAbsolutePath());
        assertThat(Files.readString(dir.resolve("run-settings.json"))).isEqualTo(settings);
        assertThat(Files.readAllLines(dir.resolve("assignments.csv"))).isNotEmpty();
    }

    @Test
    void everyCommandPrintsItsHelp() {
        for (String command : List.of("plugins", "run", "predict", "evaluate", "study", "bench")) {
            Outcome o = dclust(command, "--help");
            assertThat(o.code()).as(command).isZero();
            assertThat(o.out()).as(command).contains("Usage: dclust " + command);
        }
    }

    @Test
    void pluginsListsEveryKind() {
        Outcome o = dclust("plugins");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("DATASETS", "fashion-mnist-small", "BACKBONES", "mlp", "LEARNERS", "ae", "REFINERS", "centroid",
                "METRICS", "acc", "nmi", "ari", "INTERNAL INDICES", "silhouette");
    }

    @Test
    void runWritesResultsAndModelAndIsDeterministic(@TempDir Path tmp) throws Exception {
        Outcome a = dclust(tinyRun("--out", tmp.resolve("a").toString()));
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.out()).contains("| acc |", "| nmi |", "| ari |", "K = 10 from the data set's 10 classes");
        JsonNode r = new ObjectMapper().readTree(tmp.resolve("a/result.json").toFile());
        assertThat(r.at("/identity/learner/name").asText()).isEqualTo("ae");
        assertThat(r.at("/identity/learner/params/pretrainEpochs").asInt()).isEqualTo(3);
        assertThat(r.at("/identity/dataset/fingerprint").asText()).startsWith("sha256:");
        assertThat(r.at("/identity/versions/djl").asText()).isEqualTo("0.35.1");
        assertThat(r.at("/metrics/acc").asDouble()).isBetween(0.2, 1.0);
        assertThat(r.at("/volatile/epochs/pretrain")).hasSize(3);
        assertThat(tmp.resolve("a/model/manifest.json")).exists();
        assertThat(tmp.resolve("a/plots/loss.png")).isNotEmptyFile();
        assertThat(tmp.resolve("a/plots/tsne-latent.png")).isNotEmptyFile();
        assertThat(tmp.resolve("a/plots/tsne-output.png")).isNotEmptyFile();

        Outcome b = dclust(tinyRun("--out", tmp.resolve("b").toString()));
        assertThat(b.code()).isZero();
        assertThat(Files.readString(tmp.resolve("b/assignments.csv"))).isEqualTo(Files.readString(tmp.resolve("a/assignments.csv")));

        Outcome p = dclust("predict", "--model", tmp.resolve("a/model").toString(), "--dataset", "fashion-mnist-small",
                "--set", "dataset.n=300", "--out", tmp.resolve("pred.csv").toString(), "--proba");
        assertThat(p.code()).as(p.err()).isZero();
        List<String> pred = Files.readAllLines(tmp.resolve("pred.csv"));
        List<String> train = Files.readAllLines(tmp.resolve("a/assignments.csv"));
        assertThat(pred.get(0)).startsWith("index,cluster,p0,p1");
        for (int i = 1; i < train.size(); i++) {
            assertThat(pred.get(i)).startsWith(train.get(i) + ",");
        }

        Files.writeString(tmp.resolve("truth.txt"), "0\n0\n1\n1\n");
        Files.writeString(tmp.resolve("pred.txt"), "cluster\n5\n5\n7\n5\n");
        Outcome e = dclust("evaluate", "--truth", tmp.resolve("truth.txt").toString(), "--pred", tmp.resolve("pred.txt").toString(), "--json");
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(new ObjectMapper().readTree(e.out()).get("acc").asDouble()).isEqualTo(0.75);
    }

    @Test
    void refusesToOverwriteAFinishedRun(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("done"));
        Files.writeString(tmp.resolve("done/result.json"), "{}");
        Outcome o = dclust(tinyRun("--out", tmp.resolve("done").toString()));
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("already holds a finished run");
    }

    @Test
    void userErrorsGetOneMessageAndExitCode2(@TempDir Path tmp) {
        String never = tmp.resolve("never").toString();
        Outcome unknown = dclust("run", "--learner", "no-such-learner", "--out", never);
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown learner 'no-such-learner'", "ae").doesNotContain("Exception", "\tat ");

        Outcome many = dclust("run", "--set", "learner.pretrainEpochs=-4", "--set", "mlp.latentDim=abc", "--set", "learner.nope=1",
                "--clusters", "1", "--out", never);
        assertThat(many.code()).isEqualTo(2);
        assertThat(many.err()).contains("4 configuration problems", "dcss.pretrainEpochs = -4", "an integer in [0, 1000000]",
                "mlp.latentDim = abc", "unknown parameter dcss.nope", "K must be at least 2");

        Outcome missing = dclust("run", "--dataset", "fashion-mnist", "--set", "dataset.dir=/no/such/dir", "--out", never);
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("/no/such/dir", "apt-get install dataset-fashion-mnist");

        Outcome bigK = dclust(tinyRun("--clusters", "301", "--out", never));
        assertThat(bigK.code()).isEqualTo(2);
        assertThat(bigK.err()).contains("larger than the number of samples");
        assertThat(Path.of(never)).as("nothing is written before the configuration and the data are checked").doesNotExist();

        Outcome badFile = dclust("evaluate", "--truth", "/no/truth.txt", "--pred", "/no/pred.txt");
        assertThat(badFile.code()).isEqualTo(2);
        assertThat(badFile.err()).contains("/no/truth.txt");
    }
}
