package org.dclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dclust.datasets.IdxTestFiles.gzip;
import static org.dclust.datasets.IdxTestFiles.images;
import static org.dclust.datasets.IdxTestFiles.labels;
import static org.dclust.datasets.IdxTestFiles.write;
import static org.dclust.datasets.Loads.load;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mnist, kmnist and 2mnist on tiny IDX files written here. */
class IdxBenchmarkProvidersTest {
    @TempDir
    Path tmp;

    /** A train pair (gzip) of two 1×2 images and a t10k pair (raw) of one, labels as given. */
    static Path benchmark(Path dir, int base, int l0, int l1, int l2) throws Exception {
        Files.createDirectories(dir);
        write(dir, "train-images-idx3-ubyte.gz", gzip(images(1, 2, base, base + 1, base + 2, base + 3)));
        write(dir, "train-labels-idx1-ubyte.gz", gzip(labels(l0, l1)));
        write(dir, "t10k-images-idx3-ubyte", images(1, 2, base + 4, base + 5));
        write(dir, "t10k-labels-idx1-ubyte", labels(l2));
        return dir;
    }

    @Test
    void mnistAndKmnistReadTrainThenT10k() throws Exception {
        Path dir = benchmark(tmp.resolve("m"), 10, 3, 9, 0);
        for (IdxBenchmarkProvider p : new IdxBenchmarkProvider[] {new MnistProvider(), new KmnistProvider()}) {
            Dataset d = load(p, "dir", dir.toString());
            assertThat(d.name()).isEqualTo(p.name());
            assertThat(d.sampleShape()).containsExactly(1, 1, 2);
            assertThat(d.values()).containsExactly(10 / 255f, 11 / 255f, 12 / 255f, 13 / 255f, 14 / 255f, 15 / 255f);
            assertThat(d.labels()).containsExactly(1, 2, 0);
            assertThat(d.numClasses()).isEqualTo(3);
            assertThat(d.classes()).containsExactly("0", "3", "9");
            assertThat(p.paper()).isPresent();
            assertThat(p.description()).contains("http").contains(p.name() + ".dir=DIR");
        }
    }

    @Test
    void mnistNeedsItsDirectoryAndSaysWhereToGetIt() {
        assertThatThrownBy(() -> load(new MnistProvider()))
                .isInstanceOf(DclustException.class)
                .hasMessageStartingWith("MNIST: mnist.dir is not set; download them from https://ossci-datasets.s3.amazonaws.com/mnist/")
                .hasMessageContaining("pass mnist.dir=DIR naming a directory that holds train-/t10k-images-idx3-ubyte[.gz]");
        assertThatThrownBy(() -> load(new KmnistProvider(), "dir", tmp.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessageStartingWith("KMNIST not found: " + tmp + " lacks train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], "
                        + "t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]; download them from http://codh.rois.ac.jp/kmnist/");
    }

    @Test
    void labelsBeyondNineFail() throws Exception {
        Path dir = benchmark(tmp.resolve("m"), 0, 1, 10, 2);
        assertThatThrownBy(() -> load(new MnistProvider(), "dir", dir.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessage(dir + ": labels go up to 10, but MNIST has 10 classes (0..9); is this really MNIST?");
    }

    @Test
    void twoMnistIsMnistThenFashionWithShiftedLabels() throws Exception {
        Path mnist = benchmark(tmp.resolve("mnist"), 0, 1, 2, 3);
        Path fashion = benchmark(tmp.resolve("fashion"), 100, 0, 9, 4);
        TwoMnistProvider p = new TwoMnistProvider();
        Dataset d = load(p, "mnistDir", mnist.toString(), "fashionDir", fashion.toString());
        assertThat(d.name()).isEqualTo("2mnist");
        assertThat(d.size()).isEqualTo(6);
        assertThat(d.sampleShape()).containsExactly(1, 1, 2);
        // MNIST 1, 2, 3 and Fashion-MNIST 0, 9, 4 shifted to 10, 19, 14: six of the twenty classes
        assertThat(d.labels()).containsExactly(0, 1, 2, 3, 5, 4);
        assertThat(d.numClasses()).isEqualTo(6);
        assertThat(d.classes()).containsExactly("1", "2", "3", "10", "14", "19");
        assertThat(d.sample(0)).containsExactly(0f, 1 / 255f);
        assertThat(d.sample(3)).containsExactly(100 / 255f, 101 / 255f);
        assertThat(d.sample(5)).containsExactly(104 / 255f, 105 / 255f);
        assertThat(Params.defaults(p.name(), p.parameters()).getString("fashionDir")).isEqualTo("/usr/share/datasets/fashion-mnist");
    }

    @Test
    void twoMnistChecksEachHalf() throws Exception {
        Path mnist = benchmark(tmp.resolve("mnist"), 0, 1, 2, 3);
        Path fashion = benchmark(tmp.resolve("fashion"), 0, 1, 12, 3);
        TwoMnistProvider p = new TwoMnistProvider();
        assertThatThrownBy(() -> load(p, "mnistDir", mnist.toString(), "fashionDir", fashion.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessage(fashion + ": labels go up to 12, but Fashion-MNIST has 10 classes (0..9); is this really Fashion-MNIST?");
        assertThatThrownBy(() -> load(p, "fashionDir", fashion.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessageStartingWith("MNIST: 2mnist.mnistDir is not set;");
        Path odd = tmp.resolve("odd");
        Files.createDirectories(odd);
        write(odd, "train-images-idx3-ubyte", images(2, 2, 0, 0, 0, 0));
        write(odd, "train-labels-idx1-ubyte", labels(0));
        write(odd, "t10k-images-idx3-ubyte", images(2, 2, 0, 0, 0, 0));
        write(odd, "t10k-labels-idx1-ubyte", labels(0));
        assertThatThrownBy(() -> load(p, "mnistDir", mnist.toString(), "fashionDir", odd.toString()))
                .isInstanceOf(DclustException.class)
                .hasMessageContaining("images of 2×2 do not match the 1×2 images of");
    }
}
