package org.dclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dclust.datasets.DataTestFiles.bzip2;
import static org.dclust.datasets.DataTestFiles.text;
import static org.dclust.datasets.DataTestFiles.write;
import static org.dclust.datasets.IdxTestFiles.cut;
import static org.dclust.datasets.IdxTestFiles.gzip;
import static org.dclust.datasets.Loads.load;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** usps from LIBSVM text (plain, bzip2, gzip) and from HDF5, written here. */
class UspsProviderTest {
    static final UspsProvider P = new UspsProvider();
    /** Train: label 1 with pixels 1 and 256 set; label 10 with pixel 3. Test: label 5, no pixels given. */
    static final String TRAIN = "1 1:1 256:-0.5\n\n10 3:0.25\n";
    static final String TEST = "5\n";

    @TempDir
    Path dir;

    static void checkLibsvm(Dataset d) {
        assertThat(d.name()).isEqualTo("usps");
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.sampleShape()).containsExactly(1, 16, 16);
        // 1, 10, 5 shifted to the digits 0, 9, 4: three classes
        assertThat(d.labels()).containsExactly(0, 2, 1);
        assertThat(d.numClasses()).isEqualTo(3);
        assertThat(d.classes()).containsExactly("0", "4", "9");
        float[] a = d.sample(0);
        assertThat(a[0]).isEqualTo(1f);
        assertThat(a[255]).isEqualTo(0.25f);
        assertThat(a[1]).isEqualTo(0.5f);
        assertThat(d.sample(1)[2]).isEqualTo(0.625f);
        assertThat(d.sample(2)).containsOnly(0.5f);
    }

    @Test
    void libsvmPlainBzip2AndGzipReadAlike() {
        write(dir, "plain/usps", text(TRAIN));
        write(dir, "plain/usps.t", text(TEST));
        write(dir, "bz/usps.bz2", bzip2(text(TRAIN)));
        write(dir, "bz/usps.t.bz2", bzip2(text(TEST)));
        write(dir, "gz/usps.gz", gzip(text(TRAIN)));
        write(dir, "gz/usps.t", text(TEST));
        for (String sub : new String[] {"plain", "bz", "gz"}) {
            checkLibsvm(load(P, "dir", dir.resolve(sub).toString()));
        }
    }

    void libsvmFails(String train, String message) {
        Path f = write(dir, "usps", text(train));
        write(dir, "usps.t", text(TEST));
        assertThatThrownBy(() -> load(P, "dir", dir.toString())).isInstanceOf(DclustException.class).hasMessage(f + ": " + message);
    }

    @Test
    void libsvmProblemsNameTheLine() {
        libsvmFails("1 1:0\n2 1-0.5\n", "line 2: '1-0.5' is not INDEX:VALUE");
        libsvmFails("1 257:0\n", "line 1: index 257 is outside 1..256");
        libsvmFails("1 0:0\n", "line 1: index 0 is outside 1..256");
        libsvmFails("1 5:0 5:1\n", "line 1: index 5 follows index 5; indices must be ascending");
        libsvmFails("\n\n1 5:nan\n", "line 3: the value of index 5, 'nan', is not a finite number");
        libsvmFails("1 5:1e999\n", "line 1: the value of index 5, '1e999', is not a finite number (beyond the float range)");
        libsvmFails("1 5:x\n", "line 1: the value of index 5, 'x', is not a number");
        libsvmFails("one 5:1\n", "line 1: the label 'one' is not an integer");
        libsvmFails("1.5 5:1\n", "line 1: the label '1.5' is not an integer");
        libsvmFails("1 1:0\n11 2:0\n", "line 2: label 11 is outside 1..10");
        libsvmFails("\n \n", "holds no samples (no non-blank lines)");
        byte[] bz = bzip2(text(TRAIN.repeat(40)));
        Path b = write(dir, "usps.bz2", cut(bz, bz.length - 20));
        write(dir, "usps.t", text(TEST));
        Path plain = dir.resolve("usps");
        assertThatThrownBy(() -> load(P, "dir", dir.toString())).isInstanceOf(DclustException.class)
                .hasMessage(dir + ": holds both usps and usps.bz2; keep one of them");
        try {
            Files.delete(plain);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThatThrownBy(() -> load(P, "dir", dir.toString())).isInstanceOf(DclustException.class)
                .hasMessageStartingWith(b + ": corrupt or truncated compressed data");
    }

    @Test
    void missingFilesSayWhereToGetThem() {
        assertThatThrownBy(() -> load(P, "dir", dir.toString())).isInstanceOf(DclustException.class)
                .hasMessageStartingWith("USPS not found: " + dir + " lacks usps, usps.t; download usps.bz2 and usps.t.bz2 from "
                        + "https://www.csie.ntu.edu.tw/~cjlin/libsvmtools/");
        assertThatThrownBy(() -> load(P)).isInstanceOf(DclustException.class)
                .hasMessageStartingWith("USPS: usps.dir is not set;");
        assertThatThrownBy(() -> load(P, "dir", dir.toString(), "format", "h5")).isInstanceOf(DclustException.class)
                .hasMessageStartingWith("USPS not found: " + dir + " lacks usps.h5;");
    }

    static double[][] rows(int n, double base) {
        double[][] r = new double[n][256];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 256; j++) {
                r[i][j] = ((i * 256 + j) % 97) / 96.0 * base;
            }
        }
        return r;
    }

    Path h5(double[][] trainData, long[] trainTarget, double[][] testData, long[] testTarget) {
        Path f = dir.resolve("usps.h5");
        try (WritableHdfFile h = HdfFile.write(f)) {
            WritableGroup train = h.putGroup("train");
            train.putDataset("data", trainData);
            train.putDataset("target", trainTarget);
            WritableGroup test = h.putGroup("test");
            test.putDataset("data", testData);
            test.putDataset("target", testTarget);
        }
        return f;
    }

    @Test
    void hdf5ReadsTrainThenTest() {
        double[][] train = rows(3, 1.0);
        double[][] test = rows(2, 0.5);
        h5(train, new long[] {0, 9, 3}, test, new long[] {7, 1});
        Dataset d = load(P, "dir", dir.toString());
        assertThat(d.size()).isEqualTo(5);
        assertThat(d.sampleShape()).containsExactly(1, 16, 16);
        // digits 0, 9, 3, 7, 1: five classes, coded in increasing order
        assertThat(d.labels()).containsExactly(0, 4, 2, 3, 1);
        assertThat(d.classes()).containsExactly("0", "1", "3", "7", "9");
        for (int j = 0; j < 256; j++) {
            assertThat(d.sample(1)[j]).isEqualTo((float) train[1][j]);
            assertThat(d.sample(4)[j]).isEqualTo((float) test[1][j]);
        }
        // the LIBSVM files beside it are ignored unless asked for
        write(dir, "usps", text(TRAIN));
        write(dir, "usps.t", text(TEST));
        assertThat(load(P, "dir", dir.toString()).size()).isEqualTo(5);
        checkLibsvm(load(P, "dir", dir.toString(), "format", "libsvm"));
    }

    @Test
    void hdf5ProblemsAreNamed() throws Exception {
        Path f = h5(rows(2, 1), new long[] {0, 1, 2}, rows(1, 1), new long[] {0});
        assertThatThrownBy(() -> load(P, "dir", dir.toString())).isInstanceOf(DclustException.class)
                .hasMessage(f + ": /train/data holds 2 images but /train/target holds 3 labels: the counts must match");
        h5(rows(2, 1), new long[] {0, 1}, rows(1, 1), new long[] {10});
        assertThatThrownBy(() -> load(P, "dir", dir.toString())).isInstanceOf(DclustException.class)
                .hasMessage(f + ", dataset /test/target: label 10 of record 0 is outside 0..9; is this really USPS?");
        h5(new double[][] {{1, 2, 3}}, new long[] {0}, rows(1, 1), new long[] {1});
        assertThatThrownBy(() -> load(P, "dir", dir.toString())).isInstanceOf(DclustException.class)
                .hasMessage(f + ", dataset /train/data: has shape [1, 3], expected N×256 (16×16 images)");
        double[][] nan = rows(2, 1);
        nan[1][7] = Double.NaN;
        h5(nan, new long[] {0, 1}, rows(1, 1), new long[] {1});
        assertThatThrownBy(() -> load(P, "dir", dir.toString())).isInstanceOf(DclustException.class)
                .hasMessage(f + ", dataset /train/data: record 1 holds NaN; values must be finite numbers");
        try (WritableHdfFile h = HdfFile.write(f)) {
            h.putGroup("other").putDataset("x", new double[] {1});
        }
        assertThatThrownBy(() -> load(P, "dir", dir.toString())).isInstanceOf(DclustException.class)
                .hasMessage(f + ": has no dataset /train/data (its top level holds: other)");
        h5(rows(2, 1), new long[] {0, 1}, rows(1, 1), new long[] {1});
        byte[] whole = Files.readAllBytes(f);
        Files.write(f, cut(whole, whole.length / 2));
        assertThatThrownBy(() -> load(P, "dir", dir.toString())).isInstanceOf(DclustException.class)
                .hasMessageStartingWith(f + ", dataset /train/data: cannot read it (truncated or corrupt?): ");
        Files.write(f, text("not an HDF5 file at all, just some text that goes on for a while ........"));
        assertThatThrownBy(() -> load(P, "dir", dir.toString())).isInstanceOf(DclustException.class)
                .hasMessageStartingWith(f + ": not a readable HDF5 file (or truncated): ");
    }
}
