package org.dclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dclust.datasets.DataTestFiles.bzip2;
import static org.dclust.datasets.DataTestFiles.write;
import static org.dclust.datasets.IdxTestFiles.cut;
import static org.dclust.datasets.IdxTestFiles.gzip;
import static org.dclust.datasets.Loads.load;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cifar10, cifar100-20 and stl10 on tiny binary files written here. */
class CifarStlProvidersTest {
    @TempDir
    Path dir;

    /** The pixel byte of image {@code seed} at channel c, row r, column k. */
    static int pixel(int seed, int c, int r, int k) {
        return (seed * 31 + c * 101 + r * 7 + k * 3) & 0xFF;
    }

    /** CIFAR records: the label bytes, then the 3×32×32 pixels row-major; one record per seed. */
    static byte[] cifar(int[][] labelBytes, int... seeds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < seeds.length; i++) {
            for (int b : labelBytes[i]) {
                out.write(b);
            }
            for (int c = 0; c < 3; c++) {
                for (int r = 0; r < 32; r++) {
                    for (int k = 0; k < 32; k++) {
                        out.write(pixel(seeds[i], c, r, k));
                    }
                }
            }
        }
        return out.toByteArray();
    }

    static void checkImage(Dataset d, int sample, int seed, int side) {
        float[] s = d.sample(sample);
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < side; r++) {
                for (int k = 0; k < side; k++) {
                    if (s[(c * side + r) * side + k] != pixel(seed, c, r, k) / 255f) {
                        throw new AssertionError("sample " + sample + " differs at " + c + "," + r + "," + k);
                    }
                }
            }
        }
    }

    void cifar10Files(Path d) {
        for (int b = 1; b <= 5; b++) {
            byte[] batch = cifar(new int[][] {{b}, {9}}, 10 * b, 10 * b + 1);
            // batch 2 gzip, batch 4 bzip2, the others plain
            write(d, "data_batch_" + b + ".bin" + (b == 2 ? ".gz" : b == 4 ? ".bz2" : ""), b == 2 ? gzip(batch) : b == 4 ? bzip2(batch) : batch);
        }
        write(d, "test_batch.bin", cifar(new int[][] {{0}}, 99));
    }

    @Test
    void cifar10ReadsTheFiveBatchesThenTest() {
        cifar10Files(dir);
        Dataset d = load(new Cifar10Provider(), "dir", dir.toString());
        assertThat(d.name()).isEqualTo("cifar10");
        assertThat(d.size()).isEqualTo(11);
        assertThat(d.sampleShape()).containsExactly(3, 32, 32);
        // labels 1, 9, 2, 9, 3, 9, 4, 9, 5, 9, 0: seven of the ten classes, coded 0..6 (9 -> 6)
        assertThat(d.labels()).containsExactly(1, 6, 2, 6, 3, 6, 4, 6, 5, 6, 0);
        assertThat(d.numClasses()).isEqualTo(7);
        assertThat(d.classes()).containsExactly("0", "1", "2", "3", "4", "5", "9");
        checkImage(d, 0, 10, 32);
        checkImage(d, 3, 21, 32);
        checkImage(d, 10, 99, 32);
    }

    @Test
    void cifar10FindsTheUnpackedSubfolder() {
        cifar10Files(dir.resolve("cifar-10-batches-bin"));
        assertThat(load(new Cifar10Provider(), "dir", dir.toString()).size()).isEqualTo(11);
    }

    @Test
    void cifar10NamesMissingFilesAndHowToGetThem() {
        write(dir, "data_batch_1.bin", cifar(new int[][] {{1}}, 1));
        assertThatThrownBy(() -> load(new Cifar10Provider(), "dir", dir.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessageStartingWith("CIFAR-10 not found: " + dir + " lacks data_batch_2.bin, data_batch_3.bin, data_batch_4.bin, "
                        + "data_batch_5.bin, test_batch.bin; download cifar-10-binary.tar.gz from https://www.cs.toronto.edu/~kriz/cifar.html");
        assertThatThrownBy(() -> load(new Cifar10Provider()))
                .isInstanceOf(DclustException.class)
                .hasMessageStartingWith("CIFAR-10: cifar10.dir is not set; download");
    }

    @Test
    void cifar10BadFilesAreNamed() {
        cifar10Files(dir);
        byte[] whole = cifar(new int[][] {{3}, {4}}, 1, 2);
        Path cutFile = write(dir, "data_batch_3.bin", cut(whole, whole.length - 100));
        assertThatThrownBy(() -> load(new Cifar10Provider(), "dir", dir.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessage(cutFile + ": truncated or not a CIFAR-10 binary file: 6046 bytes are not a whole number of 3073-byte records "
                        + "(1 label byte + 3×32×32 pixels); record 1 is incomplete");
        Path bad = write(dir, "data_batch_3.bin", cifar(new int[][] {{3}, {10}}, 1, 2));
        assertThatThrownBy(() -> load(new Cifar10Provider(), "dir", dir.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessage(bad + ": record 1 has label 10, but CIFAR-10 has 10 classes (0..9); is this really a CIFAR-10 binary file?");
        Path empty = write(dir, "data_batch_3.bin", new byte[0]);
        assertThatThrownBy(() -> load(new Cifar10Provider(), "dir", dir.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessage(empty + ": truncated: the file is empty");
        write(dir, "data_batch_3.bin.gz", gzip(whole));
        assertThatThrownBy(() -> load(new Cifar10Provider(), "dir", dir.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessage(dir + ": holds both data_batch_3.bin and data_batch_3.bin.gz; keep one of them");
    }

    @Test
    void cifar100UsesTheCoarseLabel() {
        write(dir, "train.bin", cifar(new int[][] {{19, 99}, {0, 5}}, 1, 2));
        write(dir, "test.bin", gzip(cifar(new int[][] {{7, 70}}, 3)));
        Dataset d = load(new Cifar100Provider(), "dir", dir.toString());
        assertThat(d.name()).isEqualTo("cifar100-20");
        // coarse labels 19, 0, 7: three of the twenty classes
        assertThat(d.labels()).containsExactly(2, 0, 1);
        assertThat(d.numClasses()).isEqualTo(3);
        assertThat(d.classes()).containsExactly("0", "7", "19");
        checkImage(d, 1, 2, 32);
        checkImage(d, 2, 3, 32);
        Path bad = write(dir, "test.bin", cifar(new int[][] {{20, 1}}, 3));
        assertThatThrownBy(() -> load(new Cifar100Provider(), "dir", dir.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessage(bad + ": record 0 has label 20, but CIFAR-100 has 20 classes (0..19); is this really a CIFAR-100 binary file?");
        // a CIFAR-10 batch (3073-byte records) is not a CIFAR-100 file (3074-byte records)
        Path ten = write(dir, "test.bin", cifar(new int[][] {{1}}, 3));
        assertThatThrownBy(() -> load(new Cifar100Provider(), "dir", dir.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessage(ten + ": truncated or not a CIFAR-100 binary file: 3073 bytes are not a whole number of 3074-byte records "
                        + "(2 label bytes + 3×32×32 pixels); record 0 is incomplete");
    }

    /** STL-10 images: each channel column by column. */
    static byte[] stlImages(int... seeds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int s : seeds) {
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < 96; k++) {
                    for (int r = 0; r < 96; r++) {
                        out.write(pixel(s, c, r, k));
                    }
                }
            }
        }
        return out.toByteArray();
    }

    @Test
    void stl10TransposesTheColumnMajorImagesAndShiftsLabels() {
        write(dir, "stl10_binary/train_X.bin", stlImages(1, 2));
        write(dir, "stl10_binary/train_y.bin", new byte[] {1, 10});
        write(dir, "stl10_binary/test_X.bin.gz", gzip(stlImages(3)));
        write(dir, "stl10_binary/test_y.bin.bz2", bzip2(new byte[] {4}));
        Dataset d = load(new Stl10Provider(), "dir", dir.toString());
        assertThat(d.name()).isEqualTo("stl10");
        assertThat(d.sampleShape()).containsExactly(3, 96, 96);
        // 1, 10, 4 shifted to 0, 9, 3: three classes
        assertThat(d.labels()).containsExactly(0, 2, 1);
        assertThat(d.numClasses()).isEqualTo(3);
        assertThat(d.classes()).containsExactly("0", "3", "9");
        checkImage(d, 0, 1, 96);
        checkImage(d, 1, 2, 96);
        checkImage(d, 2, 3, 96);
    }

    @Test
    void stl10BadFilesAreNamed() {
        write(dir, "train_X.bin", stlImages(1, 2));
        Path trainY = write(dir, "train_y.bin", new byte[] {1});
        write(dir, "test_X.bin", stlImages(3));
        write(dir, "test_y.bin", new byte[] {4});
        Path trainX = dir.resolve("train_X.bin");
        assertThatThrownBy(() -> load(new Stl10Provider(), "dir", dir.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessage(trainX + ": holds 2 images but its labels file " + trainY + " holds 1 labels: the counts must match");
        write(dir, "train_y.bin", new byte[] {1, 0});
        assertThatThrownBy(() -> load(new Stl10Provider(), "dir", dir.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessage(trainY + ": label 0 of image 1 is outside 1..10; is this really an STL-10 labels file?");
        byte[] x = stlImages(1, 2);
        write(dir, "train_X.bin", cut(x, x.length - 1));
        assertThatThrownBy(() -> load(new Stl10Provider(), "dir", dir.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessage(trainX + ": truncated or not an STL-10 images file: 55295 bytes are not a whole number of 3×96×96 images "
                        + "(27648 bytes each); image 1 is incomplete");
        byte[] gz = gzip(stlImages(3));
        Path testX = dir.resolve("test_X.bin");
        write(dir, "train_X.bin", stlImages(1, 2));
        write(dir, "train_y.bin", new byte[] {1, 2});
        write(dir, "test_X.bin", cut(gz, gz.length / 2));
        assertThatThrownBy(() -> load(new Stl10Provider(), "dir", dir.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessage(testX + ": truncated: the compressed stream ends early");
    }
}
