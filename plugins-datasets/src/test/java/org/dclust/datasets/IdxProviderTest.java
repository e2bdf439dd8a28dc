package org.dclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dclust.datasets.IdxTestFiles.gzip;
import static org.dclust.datasets.IdxTestFiles.images;
import static org.dclust.datasets.IdxTestFiles.labels;
import static org.dclust.datasets.IdxTestFiles.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxProviderTest {
    @TempDir
    Path dir;

    static Dataset load(Object... kv) {
        IdxProvider p = new IdxProvider();
        Map<String, Object> given = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            given.put((String) kv[i], kv[i + 1]);
        }
        return p.load(Params.resolve(p.name(), p.parameters(), given));
    }

    @Test
    void loadsAPairGivenAsPaths() {
        Path img = write(dir, "tiny-images-idx3-ubyte.gz", gzip(images(2, 2, 0, 51, 102, 255, 255, 0, 0, 0)));
        Path lab = write(dir, "tiny-labels-idx1-ubyte.gz", gzip(labels(3, 1)));
        Dataset d = load("images", img.toString(), "labels", lab.toString());
        assertThat(d.name()).isEqualTo("tiny");
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.sampleShape()).containsExactly(1, 2, 2);
        assertThat(d.values()).containsExactly(0f, 0.2f, 0.4f, 1f, 1f, 0f, 0f, 0f);
        // labels 3, 1: two classes (not four), coded 1, 0
        assertThat(d.labels()).containsExactly(1, 0);
        assertThat(d.numClasses()).isEqualTo(2);
        assertThat(d.classes()).containsExactly("1", "3");
    }

    @Test
    void loadsUnlabelledImages() {
        Path img = write(dir, "u-images-idx3-ubyte", images(1, 2, 1, 2, 3, 4));
        Dataset d = load("images", img.toString());
        assertThat(d.hasLabels()).isFalse();
        assertThat(d.numClasses()).isZero();
        assertThat(d.size()).isEqualTo(2);
    }

    @Test
    void loadsTheOnlyPairOfADirectory() {
        write(dir, "data-images.idx3-ubyte", images(1, 2, 1, 2, 3, 4));
        write(dir, "data-labels.idx1-ubyte", gzip(labels(0, 1)));
        write(dir, "README", new byte[] {1});
        Dataset d = load("dir", dir.toString());
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.labels()).containsExactly(0, 1);
        assertThat(d.name()).isEqualTo(dir.getFileName().toString());
    }

    @Test
    void concatenatesTrainThenT10k() {
        write(dir, "t10k-images-idx3-ubyte.gz", gzip(images(1, 1, 30)));
        write(dir, "t10k-labels-idx1-ubyte.gz", gzip(labels(5)));
        write(dir, "train-images-idx3-ubyte", images(1, 1, 10, 20));
        write(dir, "train-labels-idx1-ubyte", labels(1, 2));
        Dataset d = load("dir", dir.toString());
        assertThat(d.values()).containsExactly(10 / 255f, 20 / 255f, 30 / 255f);
        assertThat(d.labels()).containsExactly(0, 1, 2);
        assertThat(d.numClasses()).isEqualTo(3);
        assertThat(d.classes()).containsExactly("1", "2", "5");
    }

    @Test
    void appliesTheSubsetParameters() {
        write(dir, "train-images-idx3-ubyte", images(1, 1, 0, 1, 2, 3, 4, 5));
        write(dir, "train-labels-idx1-ubyte", labels(0, 1, 0, 1, 0, 1));
        Dataset d = load("dir", dir.toString(), "n", 4, "subset", "first");
        assertThat(d.labels()).containsExactly(0, 1, 0, 1);
        Dataset s = load("dir", dir.toString(), "n", 2);
        assertThat(s.labels()).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void aDirectoryWithAnUnpairedFileFails() {
        write(dir, "train-images-idx3-ubyte", images(1, 1, 0));
        assertThatThrownBy(() -> load("dir", dir.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessage(dir + ": train-images-idx3-ubyte has no matching labels file (train-labels-idx1-ubyte[.gz])");
    }

    @Test
    void aDirectoryWithSeveralPairsFails() {
        for (String p : new String[] {"a", "b", "c"}) {
            write(dir, p + "-images-idx3-ubyte", images(1, 1, 0));
            write(dir, p + "-labels-idx1-ubyte", labels(0));
        }
        assertThatThrownBy(() -> load("dir", dir.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessageStartingWith(dir + ": holds 3 image/label pairs (a-images-idx3-ubyte + a-labels-idx1-ubyte, ");
    }

    @Test
    void rawAndGzipCopiesOfOneFileFail() {
        write(dir, "x-images-idx3-ubyte", images(1, 1, 0));
        write(dir, "x-images-idx3-ubyte.gz", gzip(images(1, 1, 0)));
        write(dir, "x-labels-idx1-ubyte", labels(0));
        assertThatThrownBy(() -> load("dir", dir.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessage(dir + ": holds both x-images-idx3-ubyte and x-images-idx3-ubyte.gz for the same images; keep one of them");
    }

    @Test
    void emptyOrMissingDirectoryFails() throws Exception {
        assertThatThrownBy(() -> load("dir", dir.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessage(dir + ": holds no IDX files (expected *-images-idx3-ubyte[.gz] with *-labels-idx1-ubyte[.gz])");
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> load("dir", missing.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessage(missing + ": no such directory");
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> load("dir", file.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessage(file + ": is not a directory");
    }

    @Test
    void parametersMustNameOneSource() {
        assertThatThrownBy(() -> load())
                .isInstanceOf(DclustException.class)
                .hasMessageContaining("idx.dir=DIR")
                .hasMessageContaining("idx.images=FILE");
        assertThatThrownBy(() -> load("dir", dir.toString(), "images", "x"))
                .isInstanceOf(DclustException.class)
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> load("labels", "x"))
                .isInstanceOf(DclustException.class)
                .hasMessageContaining("idx.labels is set but idx.images is not");
    }

    @Test
    void malformedFilesNameTheFile() {
        Path img = write(dir, "bad-images-idx3-ubyte", new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
        Path lab = write(dir, "bad-labels-idx1-ubyte", labels());
        assertThatThrownBy(() -> load("images", img.toString(), "labels", lab.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessageStartingWith(img + ": wrong magic number 0x00000801");
    }
}
