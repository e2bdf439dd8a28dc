package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dclust.framework.DclustModule;
import org.dclust.framework.config.ConfigFiles;
import org.dclust.framework.study.StudyFile;
import org.dclust.framework.study.StudyRunner;
import org.junit.jupiter.api.Test;

/** Every study shipped in studies/ parses and resolves: all its plugins exist and all its settings are valid. */
class ShippedStudiesTest {
    @Test
    void shippedStudiesResolve() throws Exception {
        StudyRunner runner = Guice.createInjector(new DclustModule()).getInstance(StudyRunner.class);
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("..", "studies"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("quick.yaml", "table4-fmnist20k.yaml", "table4-fashion-mnist.yaml");
        for (Path f : files) {
            StudyFile s = StudyFile.read(f);
            assertThat(runner.resolve(s)).as(f.toString()).hasSize(s.datasets.size() * s.learners.size() * s.refiners.size() * s.seeds.size());
        }
    }

    /**
     * The 20k study gained learner variants (augmented pretraining, issue 16): every cell it had before
     * (the file as it was, a fixture) keeps its id and its whole resolved configuration, so a resumed
     * study does not rerun them.
     */
    @Test
    void theVariantsAddedToThe20kStudyLeaveItsEarlierCellsAsTheyWere() throws Exception {
        StudyRunner runner = Guice.createInjector(new DclustModule()).getInstance(StudyRunner.class);
        var before = runner.resolve(StudyFile.read(Path.of("src/test/resources/study-fixtures/table4-fmnist20k-before-variants.yaml")));
        var now = runner.resolve(StudyFile.read(Path.of("..", "studies", "table4-fmnist20k.yaml")));
        java.util.Map<String, org.dclust.framework.config.ResolvedRun> byId = new java.util.LinkedHashMap<>();
        now.forEach((c, r) -> byId.put(c.id(), r));
        assertThat(before).hasSize(36);
        assertThat(byId).hasSize(48).containsKey("fmnist20k/ae-aug+centroid/seed1").containsKey("fmnist20k/dcss-aug+mnet/seed3");
        before.forEach((cell, run) -> {
            var r = byId.get(cell.id());
            assertThat(r).as(cell.id()).isNotNull();
            assertThat(ConfigFiles.toYaml(r.config())).as(cell.id()).isEqualTo(ConfigFiles.toYaml(run.config()));
            assertThat(List.of(r.learner().describe(), r.backbone().describe(), r.refiner().describe(), r.dataset().describe())).as(cell.id())
                    .isEqualTo(List.of(run.learner().describe(), run.backbone().describe(), run.refiner().describe(), run.dataset().describe()));
        });
        assertThat(byId.get("fmnist20k/dcss-aug+mnet/seed1").learner().params().asMap()).containsEntry("pretrainAugment", "affine");
    }
}
