package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dclust.dist.CliEndToEndTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, items 7, 8 and 12: places that cannot be written, bad data and bad options are user errors
 * (exit code 2, one message) found before any training, and nothing is written before the
 * configuration and the data have been checked.
 */
class OutputAndInputChecksTest {
    private static Outcome dclust(String... args) {
        return CliEndToEndTest.dclust(args);
    }

    private static void userError(Outcome o, String message) {
        assertThat(o.code()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).contains("error: ", message).doesNotContain("internal error", "\tat ", "pretrain   epoch");
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void placesThatCannotBeWrittenAreUserErrorsBeforeTraining(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        userError(dclust(CliEndToEndTest.tinyRun("--out", file.resolve("run").toString())),
                "--out " + file.resolve("run") + " cannot be created: " + file + " is a file, not a directory: choose another with --out");
        userError(dclust(CliEndToEndTest.tinyRun("--out", file.toString())), "--out " + file + " is a file, not a directory");
        userError(dclust("predict", "--model", tmp.resolve("model").toString(), "--dataset", "fashion-mnist-small", "--out", tmp.toString()),
                "--out " + tmp + " is a directory: name a file, e.g. " + tmp.resolve("predictions.csv"));
        userError(dclust("predict", "--model", tmp.resolve("model").toString(), "--dataset", "fashion-mnist-small", "--out",
                file.resolve("p.csv").toString()), "--out " + file.resolve("p.csv") + " cannot be written: its directory " + file + " is a file");
        Path study = Files.writeString(tmp.resolve("s.yaml"), StudyTest.STUDY);
        userError(dclust("study", study.toString(), "--out", file.resolve("s").toString()), "--out " + file.resolve("s") + " cannot be created");
        userError(dclust("run", "--dataset", "fashion-mnist-small", "--set", "dataset.n=300", "--learner", "ae", "--refiner", "centroid",
                "--cache", file.toString(), "--out", tmp.resolve("cached").toString()),
                "--cache " + file + " is a file, not a directory: choose another with --cache DIR, or give --no-cache");
        assertThat(files(tmp)).containsExactly("notes.txt", "s.yaml");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void aNewRunRefusesADirectoryHoldingOtherFiles(@TempDir Path tmp) throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("assignments.csv"), "my own work");
        userError(dclust(CliEndToEndTest.tinyRun("--out", mine.toString())),
                "--out " + mine + " already holds other files and no dclust run: choose a new or empty directory");
        userError(dclust("study", Files.writeString(tmp.resolve("s.yaml"), StudyTest.STUDY).toString(), "--out", mine.toString()),
                "--out " + mine + " already holds other files and no study");
        assertThat(files(mine)).containsExactly("assignments.csv");
    }

    @Test
    void dataAndKErrorsLeaveNothingBehind(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        userError(dclust("run", "--dataset", "features", "--set", "dataset.path=" + tmp.resolve("none.csv"), "--out", out.toString()),
                tmp.resolve("none.csv").toString());
        userError(dclust(CliEndToEndTest.tinyRun("--clusters", "301", "--out", out.toString())), "301");
        assertThat(out).doesNotExist();

        Path study = Files.writeString(tmp.resolve("s.yaml"), StudyTest.STUDY.replace("fashion-mnist-small, label: fm200, set: {n: 200}",
                "fashion-mnist-small, label: fm200, set: {n: 200}}\n  - {name: features, label: mine, set: {path: " + tmp.resolve("none.csv") + "}"));
        Path dir = tmp.resolve("study");
        userError(dclust("study", study.toString(), "--out", dir.toString()), tmp.resolve("none.csv").toString());
        assertThat(dir).doesNotExist();
    }

    /**
     * What only the data can say against a learner or a backbone (moco and secu need images; a batch
     * and moco's queue must fit in the data; conv takes 28 x 28 images) is found once the data is loaded, before the run directory is
     * written, and before any cell of a study trains: a study does not stop at its moco cell after the
     * others ran, and the same --out can be used again with other settings.
     */
    @Test
    void dataALearnerCannotUseIsRefusedBeforeAnythingIsWritten(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        userError(dclust("run", "--dataset", "synthetic", "--learner", "moco", "--refiner", "centroid", "--out", out.toString()),
                "moco learns from augmented views of images, but the data set synthetic-blobs has samples of shape [20]");
        userError(dclust("run", "--set", "dataset.n=256", "--learner", "moco", "--refiner", "centroid", "--out", out.toString()),
                "moco.queue = 1024 exceeds the 256 samples of fashion-mnist-small");
        userError(dclust("run", "--set", "dataset.n=50", "--learner", "secu", "--refiner", "mnet", "--out", out.toString()),
                "secu.batchSize = 64 exceeds the 50 samples of fashion-mnist-small: lower secu.batchSize to at most 50");
        userError(dclust("run", "--dataset", "synthetic", "--learner", "ae", "--backbone", "conv", "--refiner", "centroid", "--out",
                out.toString()), "the conv backbone takes samples of shape [C, 28, 28], [28, 28] or [784] (the MNIST family); got [20]");
        // a refiner's check on the data, before the learner's phase 1 trains (it ran 20 pretraining epochs first)
        userError(dclust("run", "--set", "dataset.n=200", "--learner", "ae", "--refiner", "proximity", "--set", "proximity.neighbours=500",
                "--out", out.toString()), "proximity.neighbours = 500 needs more samples than that; fashion-mnist-small has 200");
        assertThat(out).doesNotExist();

        Path study = Files.writeString(tmp.resolve("s.yaml"), StudyTest.STUDY.replace("learners: [ae]", "learners: [ae, moco]")
                .replace("set: {learner.pretrainEpochs: 2, mlp.hidden: \"32,32\"}", "set: {ae.pretrainEpochs: 2, mlp.hidden: \"32,32\"}"));
        Path dir = tmp.resolve("study");
        userError(dclust("study", study.toString(), "--out", dir.toString()),
                "study tiny, cell fm200/moco+centroid/seed1: moco.queue = 1024 exceeds the 200 samples of fashion-mnist-small");
        assertThat(dir).doesNotExist();
    }

    @Test
    void resumeNeedsARunDirectoryAndEpochLinesAPositiveCount(@TempDir Path tmp) throws Exception {
        userError(dclust("run", "--resume", tmp.toString()), "--resume " + tmp + " is not a run directory (it has no config.yaml, which "
                + "every run writes before training): give the directory of an interrupted run, or start a new run with --out");
        userError(dclust("run", "--resume", tmp.resolve("gone").toString()), "--resume " + tmp.resolve("gone") + " does not exist");
        for (String n : List.of("0", "-2")) {
            userError(dclust(CliEndToEndTest.tinyRun("--epoch-lines", n, "--out", tmp.resolve("r").toString())), "--epoch-lines " + n + " is not valid");
            userError(dclust("study", "no-such.yaml", "--epoch-lines", n), "--epoch-lines " + n + " is not valid");
        }
        userError(dclust(CliEndToEndTest.tinyRun("--checkpoint-every", "-1", "--out", tmp.resolve("r").toString())),
                "--checkpoint-every -1.0 is not valid");
        assertThat(files(tmp)).isEmpty();
    }
}
