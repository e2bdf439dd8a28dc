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

    private static JsonNode withoutVolatile(Path file) throws Exception {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        for (JsonNode run : root.get("runs")) {
            ((ObjectNode) run).remove("volatile");
        }
        return root;
    }
}
