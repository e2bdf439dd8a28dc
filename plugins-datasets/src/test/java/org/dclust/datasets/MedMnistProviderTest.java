package org.dclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dclust.datasets.DataTestFiles.npy;
import static org.dclust.datasets.DataTestFiles.npz;
import static org.dclust.datasets.DataTestFiles.write;
import static org.dclust.datasets.IdxTestFiles.cut;
import static org.dclust.datasets.Loads.load;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MedMnistProviderTest {
    static final MedMnistProvider P = new MedMnistProvider();

    @TempDir
    Path dir;

    /** n images of the given image shape, pixel k of image i = (start + i·size + k) mod 256. */
    static byte[] images(String descr, int n, int start, int... imageShape) {
        int size = 1;
        for (int d : imageShape) {
            size *= d;
        }
        double[] v = new double[n * size];
        for (int i = 0; i < v.length; i++) {
            v[i] = (start + i) % 256;
        }
        int[] shape = new int[imageShape.length + 1];
        shape[0] = n;
        System.arraycopy(imageShape, 0, shape, 1, imageShape.length);
        return npy(descr, shape, v);
    }

    static byte[] labels(double... l) {
        return npy("|u1", new int[] {l.length, 1}, l);
    }

    Path file(String name, boolean compressed, Object... kv) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (byte[]) kv[i + 1]);
        }
        return write(dir, name, npz(compressed, m));
    }

    Path grey(String name) {
        return file(name, true, "train_images", images("|u1", 2, 0, 2, 2), "train_labels", labels(1, 0),
                "val_images", images("|u1", 1, 8, 2, 2), "val_labels", labels(2),
                "test_images", images("|u1", 1, 12, 2, 2), "test_labels", labels(1));
    }

    @Test
    void greyImagesOfAllSplitsInOrder() {
        Dataset d = load(P, "path", grey("pneumoniamnist.npz").toString());
        assertThat(d.name()).isEqualTo("pneumoniamnist");
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.sampleShape()).containsExactly(1, 2, 2);
        assertThat(d.labels()).containsExactly(1, 0, 2, 1);
        assertThat(d.numClasses()).isEqualTo(3);
        float[] expected = new float[16];
        for (int i = 0; i < 16; i++) {
            expected[i] = i / 255f;
        }
        assertThat(d.values()).containsExactly(expected);
    }

    @Test
    void colourImagesBecomeChannelsFirst() {
        // one 1×2 RGB image per split: pixels (r, g, b) stored interleaved
        Path f = file("bloodmnist.npz", false, "train_images", images("|u1", 1, 0, 1, 2, 3), "train_labels", labels(7),
                "val_images", images("|u1", 1, 6, 1, 2, 3), "val_labels", labels(0),
                "test_images", images("|u1", 1, 12, 1, 2, 3), "test_labels", labels(3));
        Dataset d = load(P, "path", f.toString());
        assertThat(d.sampleShape()).containsExactly(3, 1, 2);
        // interleaved 0 1 2 | 3 4 5 -> R: 0 3, G: 1 4, B: 2 5
        assertThat(d.sample(0)).containsExactly(0f, 3 / 255f, 1 / 255f, 4 / 255f, 2 / 255f, 5 / 255f);
        assertThat(d.sample(2)).containsExactly(12 / 255f, 15 / 255f, 13 / 255f, 16 / 255f, 14 / 255f, 17 / 255f);
        // 7, 0, 3: three classes, not eight
        assertThat(d.labels()).containsExactly(2, 0, 1);
        assertThat(d.numClasses()).isEqualTo(3);
        assertThat(d.classes()).containsExactly("0", "3", "7");
    }

    @Test
    void volumesStayThreeDimensional() {
        Path f = file("vesselmnist3d.npz", true, "train_images", images("|u1", 2, 0, 2, 2, 2), "train_labels", labels(0, 1),
                "val_images", images("|u1", 1, 16, 2, 2, 2), "val_labels", labels(1),
                "test_images", images("<f4", 1, 24, 2, 2, 2), "test_labels", labels(0));
        assertThatThrownBy(() -> load(P, "path", f.toString())).isInstanceOf(DclustException.class)
                .hasMessage(f + ", array test_images: holds '<f4' values, but " + f + ", array train_images holds '|u1'");
        Path g = file("vesselmnist3d.npz", true, "train_images", images("|u1", 2, 0, 2, 2, 2), "train_labels", labels(0, 1),
                "val_images", images("|u1", 1, 16, 2, 2, 2), "val_labels", labels(1),
                "test_images", images("|u1", 1, 24, 2, 2, 2), "test_labels", labels(0));
        Dataset d = load(P, "path", g.toString());
        assertThat(d.sampleShape()).containsExactly(1, 2, 2, 2);
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.sample(3)[7]).isEqualTo(31 / 255f);
    }

    @Test
    void problemsAreNamed() {
        Path missing = file("x.npz", false, "train_images", images("|u1", 1, 0, 2, 2), "train_labels", labels(0));
        assertThatThrownBy(() -> load(P, "path", missing.toString())).isInstanceOf(DclustException.class)
                .hasMessage(missing + ": has no array val_images (it holds: train_images, train_labels); is it a MedMNIST file?");
        Path count = file("c.npz", false, "train_images", images("|u1", 2, 0, 2, 2), "train_labels", labels(0),
                "val_images", images("|u1", 1, 0, 2, 2), "val_labels", labels(0),
                "test_images", images("|u1", 1, 0, 2, 2), "test_labels", labels(0));
        assertThatThrownBy(() -> load(P, "path", count.toString())).isInstanceOf(DclustException.class)
                .hasMessage(count + ", array train_labels: holds 1 labels but " + count + ", array train_images holds 2 images: the counts must match");
        Path shape = file("s.npz", false, "train_images", images("|u1", 1, 0, 2, 2), "train_labels", labels(0),
                "val_images", images("|u1", 1, 0, 3, 3), "val_labels", labels(0),
                "test_images", images("|u1", 1, 0, 2, 2), "test_labels", labels(0));
        assertThatThrownBy(() -> load(P, "path", shape.toString())).isInstanceOf(DclustException.class)
                .hasMessage(shape + ", array val_images: images of shape (1, 3, 3) do not match those of " + shape
                        + ", array train_images, (1, 2, 2)");
        Path multi = file("chestmnist.npz", false, "train_images", images("|u1", 1, 0, 2, 2), "train_labels", npy("|u1", new int[] {1, 14}, new double[14]),
                "val_images", images("|u1", 1, 0, 2, 2), "val_labels", labels(0),
                "test_images", images("|u1", 1, 0, 2, 2), "test_labels", labels(0));
        assertThatThrownBy(() -> load(P, "path", multi.toString())).isInstanceOf(DclustException.class)
                .hasMessage(multi + ", array train_labels: labels must be one per record (shape (N,) or (N, 1)), but the shape is (1, 14); "
                        + "multi-label data is not supported");
        Path flat = file("f.npz", false, "train_images", npy("|u1", new int[] {2, 4}, 0, 0, 0, 0, 0, 0, 0, 0), "train_labels", labels(0, 0),
                "val_images", images("|u1", 1, 0, 2, 2), "val_labels", labels(0),
                "test_images", images("|u1", 1, 0, 2, 2), "test_labels", labels(0));
        assertThatThrownBy(() -> load(P, "path", flat.toString())).isInstanceOf(DclustException.class)
                .hasMessage(flat + ", array train_images: has shape (2, 4); expected (N, H, W), (N, H, W, 3) or (N, D, H, W)");
        byte[] whole = npz(true, Map.of("train_images", images("|u1", 1, 0, 2, 2)));
        Path truncated = write(dir, "t.npz", cut(whole, whole.length - 10));
        assertThatThrownBy(() -> load(P, "path", truncated.toString())).isInstanceOf(DclustException.class)
                .hasMessageStartingWith(truncated + ": not a valid .npz file (a zip archive of .npy arrays), or truncated: ");
        assertThatThrownBy(() -> load(P)).isInstanceOf(DclustException.class).hasMessageStartingWith("medmnist.path is not set;");
    }
}
