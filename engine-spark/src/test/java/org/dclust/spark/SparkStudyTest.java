package org.dclust.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Guice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dclust.api.train.EventSink;
import org.dclust.framework.DclustModule;
import org.dclust.framework.cli.Main;
import org.dclust.framework.study.StudyFile;
import org.dclust.framework.study.StudyRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dclust study --engine spark} on {@code local[N]}: the same results.json (labels and metrics) as
 * the in-process runner, and a task killed in the middle of a cell is tried again and completes the
 * study with the same results, without running a finished cell again.
 */
class SparkStudyTest {
    /** Two seeds × two learners × two refiners: four Spark tasks in two families (one per seed). */
    static final String STUDY = """
            name: tiny
            datasets:
              - {name: fashion-mnist-small, label: fm200, set: {n: 200}}
            learners: [ae, dec]
            refiners: [centroid, mnet]
            seeds: [1, 2]
            set: {learner.pretrainEpochs: 2, mlp.hidden: "32,32", dec.epochs: 2, mnet.epochs: 10, mnet.uEpochs: 1}
            """;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void inProcess() throws IOException {
        Files.writeString(tmp.resolve("tiny.yaml"), STUDY);
        StudyRunner runner = Guice.createInjector(new DclustModule()).getInstance(StudyRunner.class);
        runner.run(StudyFile.read(tmp.resolve("tiny.yaml")), tmp.resolve("in-process"), EventSink.NONE, () -> false);
    }

    @Test
    void localTwoGivesTheInProcessResults() throws IOException {
        int code = Main.execute("study", tmp.resolve("tiny.yaml").toString(), "--engine", "spark", "--master", "local[2]",
                "--out", tmp.resolve("spark").toString());

        assertThat(code).isZero();
        assertSameResults(tmp.resolve("spark"));
        // each seed's pretraining trained once (by its family's first task) and read from the cache by the other
        assertThat(list(tmp.resolve("spark/cache/pretrain"))).hasSize(2);
        assertThat(Files.readString(tmp.resolve("spark/spark-logs/fm200_dec_seed1.attempt0.log")))
                .contains("pretrained autoencoder loaded from the cache");
    }

    @Test
    void aKilledTaskIsTriedAgainAndAFinishedCellIsNotRunAgain() throws Exception {
        Path dir = tmp.resolve("killed");
        Path finished = dir.resolve("cells/fm200/dec+centroid/seed1/result.json");
        Path started = dir.resolve("cells/fm200/dec+mnet/seed1/identity.json");
        String before;
        CompletableFuture<Integer> study = CompletableFuture.supplyAsync(() -> Main.execute("study", tmp.resolve("tiny.yaml").toString(),
                "--engine", "spark", "--master", "local[2,3]", "--out", dir.toString()));
        try {
            before = killInTheMiddle(dir, started, study, finished);
        } finally {
            assertThat(study.get(10, TimeUnit.MINUTES)).isZero();
        }
        assertSameResults(dir);
        assertThat(Files.readString(finished)).isEqualTo(before);
        assertThat(Files.readString(dir.resolve("spark-logs/fm200_dec_seed1.attempt1.log")))
                .contains("cell fm200/dec+centroid/seed1 finished in an earlier attempt")
                .contains("study: cell fm200/dec+mnet/seed1");
    }

    /** Kills the child JVM of dec/seed1 once dec+mnet started in it; returns dec+centroid's result.json as it was then. */
    private static String killInTheMiddle(Path dir, Path started, CompletableFuture<Integer> study, Path finished) throws Exception {
        while (!Files.exists(started)) {
            assertThat(study).isNotDone();
            TimeUnit.MILLISECONDS.sleep(20);
        }
        // the executor's child JVM dies in the middle of dec+mnet, after dec+centroid finished in it
        Matcher pid = Pattern.compile("pid (\\d+)").matcher(Files.readString(dir.resolve("spark-logs/fm200_dec_seed1.attempt0.log")));
        assertThat(pid.find()).isTrue();
        ProcessHandle child = ProcessHandle.of(Long.parseLong(pid.group(1))).orElseThrow();
        assertThat(child.parent().map(ProcessHandle::pid)).contains(ProcessHandle.current().pid());
        child.destroyForcibly();
        child.onExit().get(10, TimeUnit.SECONDS);
        assertThat(dir.resolve("cells/fm200/dec+mnet/seed1/result.json")).doesNotExist();
        return Files.readString(finished);
    }

    /** results.json (all but the times) and every cell's assignments equal the in-process run's. */
    private static void assertSameResults(Path dir) throws IOException {
        JsonNode expected = withoutVolatile(tmp.resolve("in-process/results.json"));
        assertThat(expected.get("cellsDone").asInt()).isEqualTo(8);
        assertThat(withoutVolatile(dir.resolve("results.json"))).isEqualTo(expected);
        for (String cell : List.of("ae+centroid", "ae+mnet", "dec+centroid", "dec+mnet")) {
            for (int seed = 1; seed <= 2; seed++) {
                String assignments = "cells/fm200/" + cell + "/seed" + seed + "/assignments.csv";
                assertThat(Files.readString(dir.resolve(assignments))).isEqualTo(Files.readString(tmp.resolve("in-process").resolve(assignments)));
            }
        }
        assertThat(dir.resolve("results.md")).content().contains("## fm200", "| dec+mnet | 2 |");
    }

    private static JsonNode withoutVolatile(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        for (JsonNode run : root.get("runs")) {
            assertThat(run.at("/volatile/threads").asInt()).isEqualTo(1);
            ((ObjectNode) run).remove("volatile");
        }
        return root;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
    }
}
