package org.dclust.framework.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dclust.api.DclustException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Study files whose cells would share a directory are refused when read. */
class StudyFileTest {
    private static Path write(Path dir, String datasets, String seeds) throws Exception {
        return Files.writeString(dir.resolve("s.yaml"), "name: s\ndatasets:\n" + datasets + "learners: [ae]\nrefiners: [centroid]\nseeds: " + seeds + "\n");
    }

    @Test
    void twoDataSetsWithOneLabelAreRefused(@TempDir Path tmp) throws Exception {
        Path f = write(tmp, "  - {name: synthetic, label: blobs, set: {n: 200}}\n  - {name: synthetic, label: blobs, set: {n: 300}}\n", "[1]");
        assertThatThrownBy(() -> StudyFile.read(f)).isInstanceOf(DclustException.class)
                .hasMessage(f + ": 2 dataset entries share the label 'blobs': give each entry its own label (label: NAME), which names its "
                        + "cells directory and its table");
    }

    @Test
    void labelsThatDifferOnlyInCaseOrDefaultToOneNameClashToo(@TempDir Path tmp) throws Exception {
        Path f = write(tmp, "  - {name: synthetic, label: Blobs}\n  - {name: synthetic, label: blobs}\n", "[1]");
        assertThatThrownBy(() -> StudyFile.read(f)).hasMessageContaining("2 dataset entries share the label 'Blobs' (as Blobs, blobs; case does not count)");
        Path g = write(tmp, "  - {name: synthetic, set: {n: 200}}\n  - {name: synthetic, set: {n: 300}}\n", "[1]");
        assertThatThrownBy(() -> StudyFile.read(g)).hasMessageContaining("2 dataset entries share the label 'synthetic'");
    }

    @Test
    void aLabelThatIsNoDirectoryNameAndARepeatedSeedAreRefused(@TempDir Path tmp) throws Exception {
        Path f = write(tmp, "  - {name: synthetic, label: ../up}\n", "[1, 2, 1]");
        assertThatThrownBy(() -> StudyFile.read(f)).hasMessage(f + ": dataset label '../up' cannot name a directory: use letters, digits and"
                + " . _ + - (not first); seed 1 is listed twice");
    }

    @Test
    void aNameWithASlashIsRefused(@TempDir Path tmp) throws Exception {
        Path f = Files.writeString(tmp.resolve("s.yaml"), "name: ../elsewhere\ndatasets: [{name: synthetic}]\nlearners: [ae]\nrefiners: [centroid]\n");
        assertThatThrownBy(() -> StudyFile.read(f)).hasMessage(f + ": name '../elsewhere' cannot name a directory (runs/study-NAME): give one "
                + "without / or \\");
    }

    @Test
    void distinctLabelsAreRead(@TempDir Path tmp) throws Exception {
        Path f = write(tmp, "  - {name: synthetic, label: blobs-200, set: {n: 200}}\n  - {name: synthetic, label: blobs_300.v2, set: {n: 300}}\n", "[1, 2]");
        assertThat(StudyFile.read(f).datasets).extracting(StudyFile.DatasetEntry::label).containsExactly("blobs-200", "blobs_300.v2");
    }
}
