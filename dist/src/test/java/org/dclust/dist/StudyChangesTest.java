package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dclust.api.DclustException;
import org.dclust.api.train.EventSink;
import org.dclust.framework.DclustModule;
import org.dclust.framework.study.StudyFile;
import org.dclust.framework.study.StudyRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study started again after its file changed (issue 13, item 4) keeps the cells whose whole
 * resolved configuration and data are unchanged, runs the changed ones again from nothing and says
 * what changed; an unfinished cell resumes only when its configuration is the one it started with.
 */
class StudyChangesTest {
    private static String study(int secondN, int pretrainEpochs) {
        return """
                name: changes
                datasets:
                  - {name: fashion-mnist-small, label: fmA, set: {n: 120}}
                  - {name: fashion-mnist-small, label: fmB, set: {n: %d}}
                learners: [ae]
                refiners: [centroid]
                seeds: [1]
                set: {learner.pretrainEpochs: %d, mlp.hidden: "16,16"}
                """.formatted(secondN, pretrainEpochs);
    }

    private final StudyRunner runner = Guice.createInjector(new DclustModule()).getInstance(StudyRunner.class);

    private List<String> run(Path tmp, String text, Path dir) throws Exception {
        Path f = Files.writeString(tmp.resolve("s.yaml"), text);
        List<String> notes = new ArrayList<>();
        runner.run(StudyFile.read(f), dir, new EventSink() {
            @Override
            public void info(String message) {
                notes.add(message);
            }
        }, () -> false);
        return notes;
    }

    private static JsonNode result(Path dir, String label) throws Exception {
        return new ObjectMapper().readTree(dir.resolve("cells/" + label + "/ae+centroid/seed1/result.json").toFile());
    }

    @Test
    void onlyTheChangedCellRunsAgainAndTheMessageSaysWhatChanged(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("study");
        run(tmp, study(150, 2), dir);
        String keptStart = result(dir, "fmA").at("/volatile/started").asText();

        List<String> notes = run(tmp, study(160, 2), dir);
        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("study: cell fmB/ae+centroid/seed1 changed since it ran (")
                .contains("dataset.params.n: 150 → 160", "dataset.size: 150 → 160").endsWith("): its old run is deleted and it runs again"));
        assertThat(notes).contains("study: 1 of 2 cells already ran in " + dir).noneMatch(n -> n.contains("cell fmA/ae+centroid/seed1 changed"));
        assertThat(result(dir, "fmA").at("/volatile/started").asText()).as("the unchanged cell is kept").isEqualTo(keptStart);
        assertThat(result(dir, "fmB").at("/identity/dataset/size").asInt()).isEqualTo(160);
        JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(results.at("/runs/1/identity/dataset/params/n").asInt()).isEqualTo(160);

        // a setting every cell uses: both run again, with the new value in results.json
        List<String> again = run(tmp, study(160, 3), dir);
        assertThat(again).filteredOn(n -> n.contains("changed since it ran (learner.params.pretrainEpochs: 2 → 3)")).hasSize(2);
        results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(results.at("/runs/0/identity/learner/params/pretrainEpochs").asInt()).isEqualTo(3);
        assertThat(results.at("/runs/1/identity/learner/params/pretrainEpochs").asInt()).isEqualTo(3);

        // nothing changed: nothing runs
        assertThat(run(tmp, study(160, 3), dir)).containsExactly("study: 2 of 2 cells already ran in " + dir);
    }

    @Test
    void anUnfinishedCellResumesOnlyWithTheConfigurationItStartedWith(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("study");
        run(tmp, study(150, 2), dir);
        Path cell = dir.resolve("cells/fmB/ae+centroid/seed1");
        // as if killed after its last checkpoint, before the phase-1 cache was written
        Files.delete(cell.resolve("result.json"));
        org.dclust.api.toolkit.Atomic.deleteTree(dir.resolve("cache"));
        assertThat(run(tmp, study(150, 2), dir)).contains("pretrain: resumed from the checkpoint after epoch 2")
                .noneMatch(n -> n.contains("changed since it ran"));

        Files.delete(cell.resolve("result.json"));
        org.dclust.api.toolkit.Atomic.deleteTree(dir.resolve("cache"));
        List<String> notes = run(tmp, study(150, 3), dir);
        // the identity it started with (identity.json) says what changed, data included
        assertThat(notes).contains("study: cell fmB/ae+centroid/seed1 changed since it ran (learner.params.pretrainEpochs: 2 → 3): "
                + "its old run is deleted and it runs again");
        assertThat(notes).noneMatch(n -> n.startsWith("pretrain: resumed"));
    }

    @Test
    void twoDataSetsWithOneLabelAreRefusedBeforeAnythingIsWritten(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("study");
        String clash = study(150, 2).replace("label: fmB", "label: fmA");
        assertThatThrownBy(() -> run(tmp, clash, dir)).isInstanceOf(DclustException.class)
                .hasMessageContaining("2 dataset entries share the label 'fmA'");
        assertThat(dir).doesNotExist();
    }
}
