package org.dclust.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dclust.api.train.EventSink;
import org.dclust.framework.DclustModule;
import org.dclust.framework.study.StudyFile;
import org.dclust.framework.study.StudyPlan;
import org.dclust.framework.study.StudyRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Learner variants travel to the executors: a cell group's descriptor names a variant's cells by the
 * variant's name, and the executor's side ({@link CellGroupMain}, run here in this JVM) finds them in the
 * study file, with the variant's settings: the same identities and labels as the in-process runner.
 */
class CellGroupVariantsTest {
    static final String STUDY = """
            name: variants
            datasets:
              - {name: fashion-mnist-small, label: fm120, set: {n: 120}}
            learners: [ae, {name: ae-aug, learner: ae, set: {ae.pretrainAugment: affine}}]
            refiners: [centroid]
            seeds: [1]
            set: {ae.pretrainEpochs: 2, mlp.hidden: "16,16"}
            """;

    @Test
    void aVariantsCellsRunOnTheExecutorSideWithItsSettings(@TempDir Path tmp) throws Exception {
        StudyRunner runner = Guice.createInjector(new DclustModule()).getInstance(StudyRunner.class);
        Path study = Files.writeString(tmp.resolve("s.yaml"), STUDY);
        runner.run(StudyFile.read(study), tmp.resolve("in-process"), EventSink.NONE, () -> false);

        Path dir = tmp.resolve("spark");
        Files.createDirectories(dir);
        Files.copy(study, dir.resolve("study.yaml"));
        StudyPlan plan = runner.plan(StudyFile.read(dir.resolve("study.yaml")));
        List<List<CellGroup>> families = CellGroup.families(plan, plan.cells(), dir.toString(), tmp.toString(), List.of());
        List<CellGroup> groups = families.stream().flatMap(List::stream).toList();
        assertThat(groups).extracting(CellGroup::name).containsExactly("fm120/ae/seed1", "fm120/ae-aug/seed1");
        for (CellGroup g : groups) {
            CellGroupMain.run(CellGroup.fromJson(g.toJson()));
        }
        for (String cell : List.of("ae+centroid", "ae-aug+centroid")) {
            String assignments = "cells/fm120/" + cell + "/seed1/assignments.csv";
            assertThat(Files.readString(dir.resolve(assignments))).as(cell).isEqualTo(Files.readString(tmp.resolve("in-process").resolve(assignments)));
        }
        assertThat(Files.readString(dir.resolve("cells/fm120/ae-aug+centroid/seed1/result.json"))).contains("\"pretrainAugment\" : \"affine\"");
        assertThat(runner.resume(plan, dir, EventSink.NONE).done()).hasSize(2);
    }
}
