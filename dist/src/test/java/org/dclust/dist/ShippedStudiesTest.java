package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dclust.framework.DclustModule;
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
}
