package org.dclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dclust.datasets.IdxTestFiles.gzip;
import static org.dclust.datasets.IdxTestFiles.images;
import static org.dclust.datasets.IdxTestFiles.labels;
import static org.dclust.datasets.IdxTestFiles.write;

import java.nio.file.Path;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistProviderTest {
    @TempDir
    Path dir;

    static Dataset load(Map<String, ?> given) {
        FashionMnistProvider p = new FashionMnistProvider();
        return p.load(Params.resolve(p.name(), p.parameters(), given));
    }

    @Test
    void defaultsToTheDebianPackageDirectory() {
        FashionMnistProvider p = new FashionMnistProvider();
        assertThat(Params.defaults(p.name(), p.parameters()).getString("dir")).isEqualTo("/usr/share/datasets/fashion-mnist");
        assertThat(p.name()).isEqualTo("fashion-mnist");
        assertThat(p.paper()).isPresent();
        assertThat(p.description()).contains("MIT").contains("apt-get install dataset-fashion-mnist");
    }

    @Test
    void aMissingDirectorySaysHowToInstall() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> load(Map.of("dir", missing.toString())))
                .isInstanceOf(DclustException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("apt-get install dataset-fashion-mnist")
                .hasMessageContaining("fashion-mnist.dir=DIR");
    }

    @Test
    void missingFilesAreNamedWithTheInstallHint() {
        write(dir, "train-images-idx3-ubyte.gz", gzip(images(1, 1, 0)));
        write(dir, "train-labels-idx1-ubyte.gz", gzip(labels(0)));
        assertThatThrownBy(() -> load(Map.of("dir", dir.toString())))
                .isInstanceOf(DclustException.class)
                .hasMessageContaining(dir + " lacks t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]")
                .hasMessageContaining("apt-get install dataset-fashion-mnist")
                .hasMessageContaining("fashion-mnist.dir=DIR");
    }

    @Test
    void readsTrainThenT10kWithTenClasses() {
        write(dir, "train-images-idx3-ubyte.gz", gzip(images(2, 1, 1, 2, 3, 4)));
        write(dir, "train-labels-idx1-ubyte.gz", gzip(labels(4, 0)));
        write(dir, "t10k-images-idx3-ubyte", images(2, 1, 5, 6));
        write(dir, "t10k-labels-idx1-ubyte", labels(9));
        Dataset d = load(Map.of("dir", dir.toString()));
        assertThat(d.name()).isEqualTo("fashion-mnist");
        assertThat(d.sampleShape()).containsExactly(1, 2, 1);
        assertThat(d.values()).containsExactly(1 / 255f, 2 / 255f, 3 / 255f, 4 / 255f, 5 / 255f, 6 / 255f);
        // 4, 0, 9: three of the ten classes, coded 1, 0, 2
        assertThat(d.labels()).containsExactly(1, 0, 2);
        assertThat(d.numClasses()).isEqualTo(3);
        assertThat(d.classes()).containsExactly("0", "4", "9");
        Dataset first2 = load(Map.of("dir", dir.toString(), "n", 2, "subset", "first"));
        assertThat(first2.labels()).containsExactly(1, 0);
        assertThat(first2.classes()).containsExactly("0", "4");
    }

    @Test
    void labelsBeyondTenClassesFail() {
        write(dir, "train-images-idx3-ubyte", images(1, 1, 1));
        write(dir, "train-labels-idx1-ubyte", labels(12));
        write(dir, "t10k-images-idx3-ubyte", images(1, 1, 5));
        write(dir, "t10k-labels-idx1-ubyte", labels(1));
        assertThatThrownBy(() -> load(Map.of("dir", dir.toString())))
                .isInstanceOf(DclustException.class)
                .hasMessageContaining("labels go up to 12, but Fashion-MNIST has 10 classes");
    }
}
