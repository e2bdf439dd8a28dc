package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Guice;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dclust.api.train.EventSink;
import org.dclust.framework.DclustModule;
import org.dclust.framework.study.StudyFile;
import org.dclust.framework.study.StudyRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Studies: the grid runs, reports are written, and a study stopped in the middle resumes to the same results. */
class StudyTest {
    static final String STUDY = """
            name: tiny
            datasets:
              - {name: fashion-mnist-small, label: fm200, set: {n: 200}}
            learners: [ae]
            refiners: [centroid]
            seeds: [1, 2]
            set: {learner.pretrainEpochs: 2, mlp.hidden: "32,32"}
            reference:
              source: made up for the test
              figures: {ae+centroid: {acc: 57.94, nmi: 57.15}}
            """;

    @Test
    void interruptedStudyResumesToTheSameResults(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("tiny.yaml"), STUDY);
        StudyFile s = StudyFile.read(tmp.resolve("tiny.yaml"));
        StudyRunner runner = Guice.createInjector(new DclustModule()).getInstance(StudyRunner.class);

        runner.run(s, tmp.resolve("a"), EventSink.NONE, () -> false);
        String md = Files.readString(tmp.resolve("a/results.md"));
        assertThat(md).contains("## fm200", "| ae+centroid | 2 |", "57.94", "±");
        assertThat(Files.readAllLines(tmp.resolve("a/results.csv"))).hasSize(3);
        assertThat(tmp.resolve("a/acc-by-learner.png")).isNotEmptyFile();

        Path firstCell = tmp.resolve("b/cells/fm200/ae+centroid/seed1/result.json");
        runner.run(s, tmp.resolve("b"), EventSink.NONE, () -> Files.exists(firstCell));
        assertThat(new ObjectMapper().readTree(tmp.resolve("b/results.json").toFile()).get("cellsDone").asInt()).isEqualTo(1);
        runner.run(s, tmp.resolve("b"), EventSink.NONE, () -> false);

        assertThat(withoutVolatile(tmp.resolve("b/results.json"))).isEqualTo(withoutVolatile(tmp.resolve("a/results.json")));
    }

    /**
     * {@code --report} writes the results of the cells that finished and trains, resumes and deletes
     * nothing: an unfinished cell stays as it was, and a cell whose configuration changed is left out
     * of the tables but kept on disk (a run would delete it and train it again).
     */
    @Test
    void aReportOfAStudyTrainsAndDeletesNothing(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("tiny.yaml"), STUDY);
        StudyRunner runner = Guice.createInjector(new DclustModule()).getInstance(StudyRunner.class);
        Path dir = tmp.resolve("s");
        runner.run(StudyFile.read(file), dir, EventSink.NONE, () -> false);
        Files.copy(file, dir.resolve("study.yaml"));
        Path seed2 = dir.resolve("cells/fm200/ae+centroid/seed2");
        Files.move(seed2.resolve("result.json"), seed2.resolve("result.json.unfinished"));
        Files.delete(dir.resolve("results.md"));

        CliEndToEndTest.Outcome o = CliEndToEndTest.dclust("study", file.toString(), "--out", dir.toString(), "--report");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("1 of 2 runs finished", "| ae+centroid | 1 |");
        assertThat(o.err()).doesNotContain("epoch");
        assertThat(new ObjectMapper().readTree(dir.resolve("results.json").toFile()).get("cellsDone").asInt()).isEqualTo(1);
        assertThat(seed2.resolve("result.json")).doesNotExist();
        assertThat(seed2.resolve("result.json.unfinished")).exists();

        // seed 1's configuration changed: left out, and still on disk
        Path changed = Files.writeString(tmp.resolve("changed.yaml"), STUDY.replace("learner.pretrainEpochs: 2", "learner.pretrainEpochs: 3"));
        o = CliEndToEndTest.dclust("study", changed.toString(), "--out", dir.toString(), "--report");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.err()).contains("study: cell fm200/ae+centroid/seed1 changed since it ran (", "left out of the report");
        assertThat(o.out()).contains("0 of 2 runs finished");
        assertThat(dir.resolve("cells/fm200/ae+centroid/seed1/result.json")).exists();

        // before a study's first run, --report previews its file's report and writes nothing
        o = CliEndToEndTest.dclust("study", file.toString(), "--out", tmp.resolve("none").toString(), "--report");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).startsWith("nothing has run in " + tmp.resolve("none") + " yet (no such directory)").contains("0 of 2 runs finished");
        assertThat(tmp.resolve("none")).doesNotExist();
        // a directory that exists but is not a study's is refused as before
        java.nio.file.Files.createDirectories(tmp.resolve("other"));
        o = CliEndToEndTest.dclust("study", file.toString(), "--out", tmp.resolve("other").toString(), "--report");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).startsWith("error: --out " + tmp.resolve("other") + " holds no study (no study.yaml)");
    }

    private static JsonNode withoutVolatile(Path file) throws Exception {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        for (JsonNode run : root.get("runs")) {
            ((ObjectNode) run).remove("volatile");
        }
        return root;
    }
}
