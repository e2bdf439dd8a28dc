package org.dclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dclust.datasets.IdxTestFiles.cut;
import static org.dclust.datasets.IdxTestFiles.gzip;
import static org.dclust.datasets.IdxTestFiles.images;
import static org.dclust.datasets.IdxTestFiles.intLabels;
import static org.dclust.datasets.IdxTestFiles.labels;
import static org.dclust.datasets.IdxTestFiles.write;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.dclust.api.DclustException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {
    /** Three 2×3 images. */
    static final int[] PIXELS = {
        0, 1, 2, 3, 4, 5,
        255, 254, 128, 127, 64, 10,
        9, 8, 7, 6, 5, 200};
    static final int[] LABELS = {2, 0, 7};

    @TempDir
    Path dir;

    private static UnaryOperator<byte[]> encoding(boolean gz) {
        return gz ? IdxTestFiles::gzip : b -> b;
    }

    private static float[] scaled(int[] pixels) {
        float[] f = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            f[i] = pixels[i] / 255f;
        }
        return f;
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void readsImagesAndLabelsExactly(boolean gz) {
        UnaryOperator<byte[]> enc = encoding(gz);
        Path img = write(dir, "x-images-idx3-ubyte" + (gz ? ".gz" : ""), enc.apply(images(2, 3, PIXELS)));
        Path lab = write(dir, "x-labels-idx1-ubyte" + (gz ? ".gz" : ""), enc.apply(labels(LABELS)));

        IdxData d = IdxReader.read(img, lab);

        assertThat(d.count()).isEqualTo(3);
        assertThat(d.rows()).isEqualTo(2);
        assertThat(d.cols()).isEqualTo(3);
        assertThat(d.pixels()).containsExactly(scaled(PIXELS));
        assertThat(d.pixels()[6]).isEqualTo(1f);
        assertThat(d.labels()).containsExactly(LABELS);
        var ds = d.toDataset("x");
        assertThat(ds.sampleShape()).containsExactly(1, 2, 3);
        assertThat(ds.size()).isEqualTo(3);
        // labels 2, 0, 7 are three classes (not 8), coded 1, 0, 2
        assertThat(ds.numClasses()).isEqualTo(3);
        assertThat(ds.labels()).containsExactly(1, 0, 2);
        assertThat(ds.classes()).containsExactly("0", "2", "7");
    }

    @Test
    void detectsGzipByMagicBytesNotByName() {
        Path img = write(dir, "gzipped-but-named-raw", gzip(images(2, 3, PIXELS)));
        Path lab = write(dir, "raw-but-named.gz", labels(LABELS));
        IdxData d = IdxReader.read(img, lab);
        assertThat(d.pixels()).containsExactly(scaled(PIXELS));
        assertThat(d.labels()).containsExactly(LABELS);
    }

    @Test
    void readsImagesWithoutLabels() {
        IdxData d = IdxReader.readImages(write(dir, "img", images(2, 3, PIXELS)));
        assertThat(d.labels()).isNull();
        assertThat(d.toDataset("u").hasLabels()).isFalse();
        assertThat(d.toDataset("u").numClasses()).isZero();
    }

    @Test
    void concatenatesPairsInOrder() {
        Path img1 = write(dir, "a-img", images(2, 3, PIXELS));
        Path lab1 = write(dir, "a-lab", gzip(labels(LABELS)));
        Path img2 = write(dir, "b-img", gzip(images(2, 3, 11, 12, 13, 14, 15, 16)));
        Path lab2 = write(dir, "b-lab", labels(4));

        IdxData d = IdxReader.read(List.of(img1, img2), List.of(lab1, lab2));

        assertThat(d.count()).isEqualTo(4);
        float[] expected = new float[24];
        System.arraycopy(scaled(PIXELS), 0, expected, 0, 18);
        System.arraycopy(scaled(new int[] {11, 12, 13, 14, 15, 16}), 0, expected, 18, 6);
        assertThat(d.pixels()).containsExactly(expected);
        assertThat(d.labels()).containsExactly(2, 0, 7, 4);
    }

    @Test
    void readsLabelsStoredAsIntegers() {
        Path img = write(dir, "img", images(2, 3, PIXELS));
        Path lab = write(dir, "lab", intLabels(LABELS));
        assertThat(IdxReader.read(img, lab).labels()).containsExactly(LABELS);
    }

    @Test
    void readsFromStreams() {
        IdxData d = IdxReader.read(new ByteArrayInputStream(gzip(images(2, 3, PIXELS))), "res:img",
                new ByteArrayInputStream(labels(LABELS)), "res:lab");
        assertThat(d.pixels()).containsExactly(scaled(PIXELS));
        assertThat(d.labels()).containsExactly(LABELS);
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void wrongMagicNumberNamesTheFile(boolean gz) {
        byte[] bad = images(2, 3, PIXELS);
        bad[3] = 0x02;
        Path img = write(dir, "bad-images-idx3-ubyte", encoding(gz).apply(bad));
        Path lab = write(dir, "labels", labels(LABELS));
        assertThatThrownBy(() -> IdxReader.read(img, lab))
                .isInstanceOf(DclustException.class)
                .hasMessageContaining(img.toString())
                .hasMessageContaining("wrong magic number 0x00000802")
                .hasMessageContaining("expected 0x00000803");
    }

    @Test
    void labelsFileGivenAsImagesIsRecognised() {
        Path lab = write(dir, "labels", labels(LABELS));
        assertThatThrownBy(() -> IdxReader.read(lab, lab))
                .isInstanceOf(DclustException.class)
                .hasMessageContaining(lab + ": wrong magic number 0x00000801")
                .hasMessageContaining("looks like a labels file");
    }

    @Test
    void wrongLabelMagicNumberNamesTheLabelsFile() {
        Path img = write(dir, "images", images(2, 3, PIXELS));
        Path lab = write(dir, "bad-labels", images(2, 3, PIXELS));
        assertThatThrownBy(() -> IdxReader.read(img, lab))
                .isInstanceOf(DclustException.class)
                .hasMessageContaining(lab + ": wrong magic number 0x00000803, expected 0x00000801")
                .hasMessageContaining("looks like an images file");
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void truncatedImagesFail(boolean gz) {
        byte[] whole = images(2, 3, PIXELS);
        Path img = write(dir, "short-images", encoding(gz).apply(cut(whole, whole.length - 5)));
        Path lab = write(dir, "labels", labels(LABELS));
        assertThatThrownBy(() -> IdxReader.read(img, lab))
                .isInstanceOf(DclustException.class)
                .hasMessageContaining(img.toString())
                .hasMessageContaining("truncated: the header promises 3 images of 2×3 (18 bytes after the header) but only 13 follow");
    }

    @Test
    void truncatedGzipStreamFails() {
        byte[] gz = gzip(images(2, 3, PIXELS));
        Path img = write(dir, "short.gz", cut(gz, gz.length - 12));
        assertThatThrownBy(() -> IdxReader.readImages(img))
                .isInstanceOf(DclustException.class)
                .hasMessageContaining(img.toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void truncatedHeaderAndEmptyFileFail() {
        Path header = write(dir, "half-header", cut(images(2, 3, PIXELS), 10));
        Path empty = write(dir, "empty", new byte[0]);
        assertThatThrownBy(() -> IdxReader.readImages(header))
                .isInstanceOf(DclustException.class)
                .hasMessage(header + ": truncated: the file ends after 10 bytes, inside its header");
        assertThatThrownBy(() -> IdxReader.readImages(empty))
                .isInstanceOf(DclustException.class)
                .hasMessage(empty + ": truncated: the file is empty");
    }

    @Test
    void truncatedLabelsFail() {
        Path img = write(dir, "images", images(2, 3, PIXELS));
        byte[] whole = labels(LABELS);
        Path lab = write(dir, "short-labels", cut(whole, whole.length - 1));
        assertThatThrownBy(() -> IdxReader.read(img, lab))
                .isInstanceOf(DclustException.class)
                .hasMessageContaining(lab.toString())
                .hasMessageContaining("truncated: the header promises 3 labels (3 bytes after the header) but only 2 follow");
    }

    @Test
    void trailingDataFails() {
        byte[] whole = images(2, 3, PIXELS);
        byte[] longer = java.util.Arrays.copyOf(whole, whole.length + 1);
        Path img = write(dir, "long-images", longer);
        assertThatThrownBy(() -> IdxReader.readImages(img))
                .isInstanceOf(DclustException.class)
                .hasMessage(img + ": holds more data than its header promises (34 bytes)");
    }

    @Test
    void imageAndLabelCountMismatchFails() {
        Path img = write(dir, "three-images", images(2, 3, PIXELS));
        Path lab = write(dir, "two-labels", labels(1, 2));
        assertThatThrownBy(() -> IdxReader.read(img, lab))
                .isInstanceOf(DclustException.class)
                .hasMessage(img + ": holds 3 images but its labels file " + lab + " holds 2 labels: the counts must match");
    }

    @Test
    void labelOutsideByteRangeFails() {
        Path img = write(dir, "images", images(2, 3, PIXELS));
        Path lab = write(dir, "int-labels", intLabels(1, 300, 2));
        assertThatThrownBy(() -> IdxReader.read(img, lab))
                .isInstanceOf(DclustException.class)
                .hasMessage(lab + ": label 300 of sample 1 is outside 0..255");
        Path neg = write(dir, "neg-labels", intLabels(1, 2, -1));
        assertThatThrownBy(() -> IdxReader.read(img, neg))
                .isInstanceOf(DclustException.class)
                .hasMessage(neg + ": label -1 of sample 2 is outside 0..255");
    }

    @Test
    void imageSizesMustAgreeAcrossFiles() {
        Path a = write(dir, "a", images(2, 3, PIXELS));
        Path b = write(dir, "b", images(3, 2, PIXELS));
        assertThatThrownBy(() -> IdxReader.read(List.of(a, b), List.of()))
                .isInstanceOf(DclustException.class)
                .hasMessage(b + ": images of 3×2 do not match the 2×3 images of " + a);
    }

    @Test
    void zeroImagesFail() {
        Path img = write(dir, "none", images(2, 3));
        assertThatThrownBy(() -> IdxReader.readImages(img))
                .isInstanceOf(DclustException.class)
                .hasMessage(img + ": holds no images (the header's count is 0)");
    }

    @Test
    void missingFileFails() {
        Path img = dir.resolve("nowhere-images-idx3-ubyte.gz");
        assertThatThrownBy(() -> IdxReader.readImages(img))
                .isInstanceOf(DclustException.class)
                .hasMessage(img + ": no such file");
    }

    @Test
    void corruptGzipFails() {
        byte[] gz = gzip(images(2, 3, PIXELS));
        for (int i = 12; i < gz.length - 8; i++) {
            gz[i] ^= 0x5A;
        }
        Path img = write(dir, "corrupt.gz", gz);
        assertThatThrownBy(() -> IdxReader.readImages(img))
                .isInstanceOf(DclustException.class)
                .hasMessageStartingWith(img + ": ");
    }
}
