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
    void readsTheOneColumnOfLabelsBesideAnIndex() throws IOException {
        assertThat(LabelFiles.read(write("single.csv", "pred\n4\n5\n"))).containsExactly(4, 5);
        assertThat(LabelFiles.read(write("unknown.csv", "score\n4\n5\n"))).containsExactly(4, 5);
        assertThat(LabelFiles.read(write("tabs.tsv", "id\ty\n0\t1\n1\t0\n"))).containsExactly(1, 0);
        assertThat(LabelFiles.rows(write("index.csv", "index,c\n1,7\n0,8\n")).index()).containsExactly(1, 0);
        assertThat(LabelFiles.read(write("index.csv", "index,c\n1,7\n0,8\n"))).containsExactly(7, 8);
        assertThat(LabelFiles.read(write("pandas.csv", ",0\n0,3\n1,4\n"))).containsExactly(3, 4);
        assertThat(LabelFiles.read(write("plain.txt", "3\n4\n"))).containsExactly(3, 4);
    }

    /** Issue 13's kind: a CSV whose column of labels is not certain is refused, listing its columns. */
    @Test
    void severalCandidateColumnsAreRefusedListingThem() throws IOException {
        Path both = write("both.csv", "label,cluster\n1,7\n2,8\n");
        assertThatThrownBy(() -> LabelFiles.read(both)).isInstanceOf(DclustException.class)
                .hasMessage("label file " + both + " has the columns label, cluster: which one holds the labels? 'label' and "
                        + "'cluster' all have a label column's name; keep only the column of labels (an index column may stay "
                        + "beside it), or name it label, cluster, pred or y and rename the others");
        Path three = write("three.csv", "index,pred,cluster\n0,1,2\n");
        assertThatThrownBy(() -> LabelFiles.read(three)).isInstanceOf(DclustException.class)
                .hasMessageContaining("has the columns index, pred, cluster: which one holds the labels? 'pred' and 'cluster'");
        for (String header : new String[] {"a,b", "id,score"}) {
            Path none = write("none.csv", header + "\n0,5\n1,6\n");
            assertThatThrownBy(() -> LabelFiles.read(none)).isInstanceOf(DclustException.class)
                    .hasMessage("label file " + none + " has the columns " + header.replace(",", ", ") + ": which one holds the "
                            + "labels? none is named label, cluster, pred or y; keep only the column of labels (an index column "
                            + "may stay beside it), or name it label, cluster, pred or y");
        }
        Path pandas = write("pandas.csv", ",a,b\n0,5,1\n1,6,0\n");
        assertThatThrownBy(() -> LabelFiles.read(pandas)).isInstanceOf(DclustException.class)
                .hasMessageContaining("has the columns (unnamed), a, b: which one holds the labels? none is named");
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

    @Test
    void anIndexColumnPairsRowsInAnyOrderWithTheTruth() throws IOException {
        Path truth = write("truth.txt", "0\n1\n2\n0\n1\n2\n");
        // the perfect clustering (cluster = class + 1 mod 3) with its rows shuffled: samples 3, 0, 5, 1, 4, 2
        Path pred = write("pred.csv", "index,cluster\n3,1\n0,1\n5,0\n1,2\n4,2\n2,0\n");
        LabelFiles.Aligned a = LabelFiles.aligned(truth, pred);
        assertThat(a.truth()).containsExactly(0, 1, 2, 0, 1, 2);
        assertThat(a.predicted()).containsExactly(1, 2, 0, 1, 2, 0);
        // read by row, as before, the same file pairs sample 0 with 3's cluster: not a perfect match
        assertThat(LabelFiles.read(pred)).containsExactly(1, 1, 0, 2, 2, 0);
        // both with an index column, ids rather than positions, and pandas' unnamed index column
        Path t2 = write("t2.csv", "index,label\n20,5\n10,6\n");
        Path p2 = write("p2.csv", ",cluster\n10,0\n20,1\n");
        LabelFiles.Aligned b = LabelFiles.aligned(t2, p2);
        assertThat(b.truth()).containsExactly(5, 6);
        assertThat(b.predicted()).containsExactly(1, 0);
        // without an index column on either side: row order
        assertThat(LabelFiles.aligned(truth, write("rows.txt", "2\n2\n2\n1\n1\n1\n")).predicted()).containsExactly(2, 2, 2, 1, 1, 1);
    }

    @Test
    void duplicateOrMismatchedIndicesAreRefused() throws IOException {
        Path truth = write("truth.txt", "0\n1\n2\n");
        Path dup = write("dup.csv", "index,cluster\n0,1\n2,0\n2,1\n");
        assertThatThrownBy(() -> LabelFiles.aligned(truth, dup)).isInstanceOf(DclustException.class)
                .hasMessage("label file " + dup + ": index 2 appears twice (lines 3 and 4); each sample must be labelled once");
        Path gap = write("gap.csv", "index,cluster\n0,1\n1,0\n3,1\n");
        assertThatThrownBy(() -> LabelFiles.aligned(truth, gap)).isInstanceOf(DclustException.class)
                .hasMessage("label file " + truth + " labels sample 2 (line 3), but " + gap + " does not; both files must label "
                        + "the same samples");
        Path extra = write("extra.csv", "index,cluster\n0,1\n1,0\n2,1\n3,0\n");
        assertThatThrownBy(() -> LabelFiles.aligned(truth, extra)).isInstanceOf(DclustException.class)
                .hasMessage("label file " + extra + " labels sample 3 (line 5), but " + truth + " does not (it has no index column: "
                        + "its 3 rows label samples 0 to 2); both files must label the same samples");
        Path word = write("word.csv", "index,cluster\n0,1\nx,0\n");
        assertThatThrownBy(() -> LabelFiles.aligned(truth, word)).isInstanceOf(DclustException.class)
                .hasMessage("label file " + word + ", line 3: the index 'x' is not an integer; the index column names each row's "
                        + "sample by its number");
        Path onlyIndex = write("only.csv", "index\n0\n1\n");
        assertThatThrownBy(() -> LabelFiles.rows(onlyIndex)).isInstanceOf(DclustException.class)
                .hasMessageContaining("has an index column but no column of labels");
    }
}
