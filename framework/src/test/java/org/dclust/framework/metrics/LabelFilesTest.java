package org.dclust.framework.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dclust.api.DclustException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelFilesTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void readsOneIntegerPerLineIgnoringTrailingBlankLines() throws IOException {
        Path file = write("plain.txt", "3\n0\r\n 12 \n-1\n\n  \n");
        assertThat(LabelFiles.read(file)).containsExactly(3, 0, 12, -1);
    }

    @Test
    void readsTheNamedColumnOfACsvWithHeader() throws IOException {
        Path file = write("pred.csv", "id,Cluster,score\n0,2,0.5\n1,0,0.25\n2,\"1\",0.75\n");
        assertThat(LabelFiles.read(file)).containsExactly(2, 0, 1);
    }

    @Test
    void prefersLabelOverLaterNamesAndFallsBackToTheLastColumn() throws IOException {
        assertThat(LabelFiles.read(write("both.csv", "y,label\n1,7\n2,8\n"))).containsExactly(7, 8);
        assertThat(LabelFiles.read(write("last.csv", "id,value\n0,5\n1,6\n"))).containsExactly(5, 6);
        assertThat(LabelFiles.read(write("single.csv", "pred\n4\n5\n"))).containsExactly(4, 5);
        assertThat(LabelFiles.read(write("tabs.tsv", "id\ty\n0\t1\n1\t0\n"))).containsExactly(1, 0);
    }

    @Test
    void namesFileAndLineOfABadCell() throws IOException {
        Path csv = write("bad.csv", "id,label\n0,1\n1,2.5\n");
        assertThatThrownBy(() -> LabelFiles.read(csv))
                .isInstanceOf(DclustException.class)
                .hasMessageContaining(csv.toString())
                .hasMessageContaining("line 3")
                .hasMessageContaining("'2.5' is not an integer");

        Path plain = write("bad.txt", "1\n2\nx\n4\n");
        assertThatThrownBy(() -> LabelFiles.read(plain))
                .isInstanceOf(DclustException.class)
                .hasMessageContaining(plain.toString())
                .hasMessageContaining("line 3");
    }

    @Test
    void blankLineInsideIsAnError() throws IOException {
        Path file = write("gap.txt", "1\n\n2\n");
        assertThatThrownBy(() -> LabelFiles.read(file))
                .isInstanceOf(DclustException.class).hasMessageContaining("line 2");
    }

    @Test
    void shortRowIsAnError() throws IOException {
        Path file = write("short.csv", "id,label\n0,1\n5\n");
        assertThatThrownBy(() -> LabelFiles.read(file))
                .isInstanceOf(DclustException.class).hasMessageContaining("line 3");
    }

    @Test
    void missingOrEmptyFile() throws IOException {
        Path missing = dir.resolve("nope.txt");
        assertThatThrownBy(() -> LabelFiles.read(missing))
                .isInstanceOf(DclustException.class)
                .hasMessage("label file " + missing + " does not exist");
        assertThatThrownBy(() -> LabelFiles.read(write("empty.txt", "\n\n")))
                .isInstanceOf(DclustException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> LabelFiles.read(write("header.csv", "label\n")))
                .isInstanceOf(DclustException.class).hasMessageContaining("no labels");
    }
}
