package org.dclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.dclust.datasets.DataTestFiles.text;
import static org.dclust.datasets.DataTestFiles.write;
import static org.dclust.datasets.IdxTestFiles.cut;
import static org.dclust.datasets.Loads.load;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderProviderTest {
    static final ImageFolderProvider P = new ImageFolderProvider();

    @TempDir
    Path dir;

    static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A w×h RGB image whose pixel (x, y) is (r0 + x, g0 + y, b0). */
    static BufferedImage rgb(int w, int h, int r0, int g0, int b0) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (r0 + x) << 16 | (g0 + y) << 8 | b0);
            }
        }
        return img;
    }

    /** A w×h 8-bit grey image with the given samples, row-major. */
    static BufferedImage grey(int w, int h, int... samples) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSamples(0, 0, w, h, 0, samples);
        return img;
    }

    @Test
    void readsOneFolderPerClassExactly() {
        write(dir, "b_dogs/1.png", encode(rgb(2, 2, 10, 20, 30), "png"));
        write(dir, "a_cats/x/2.PNG", encode(rgb(2, 2, 100, 0, 7), "png"));
        write(dir, "a_cats/1.png", encode(grey(2, 2, 0, 51, 102, 255), "png"));
        write(dir, "a_cats/notes.txt", text("ignored"));
        write(dir, "a_cats/.hidden.png", text("ignored"));
        write(dir, ".git/config.png", text("ignored"));
        Dataset d = load(P, "dir", dir.toString(), "size", 2);
        assertThat(d.name()).isEqualTo(dir.getFileName().toString());
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.sampleShape()).containsExactly(3, 2, 2);
        assertThat(d.labels()).containsExactly(0, 0, 1);
        assertThat(d.numClasses()).isEqualTo(2);
        assertThat(d.classes()).containsExactly("a_cats", "b_dogs");
        // a subset of cats only holds one class, still named
        assertThat(load(P, "dir", dir.toString(), "size", 2, "n", 2, "subset", "first").classes()).containsExactly("a_cats");
        // a_cats/1.png (grey repeated), a_cats/x/2.PNG, b_dogs/1.png
        float[] g = {0f, 0.2f, 0.4f, 1f};
        assertThat(d.sample(0)).containsExactly(g[0], g[1], g[2], g[3], g[0], g[1], g[2], g[3], g[0], g[1], g[2], g[3]);
        assertThat(d.sample(2)).containsExactly(10 / 255f, 11 / 255f, 10 / 255f, 11 / 255f, 20 / 255f, 20 / 255f, 21 / 255f, 21 / 255f,
                30 / 255f, 30 / 255f, 30 / 255f, 30 / 255f);
    }

    @Test
    void greyChannelAndResizeByAreaAveraging() {
        write(dir, "c/a.png", encode(grey(4, 2, 0, 10, 20, 30, 40, 50, 60, 70), "png"));
        write(dir, "c/b.png", encode(rgb(1, 1, 200, 100, 50), "png"));
        Dataset d = load(P, "dir", dir.toString(), "size", 1, "channels", "1");
        assertThat(d.sampleShape()).containsExactly(1, 1, 1);
        assertThat(d.sample(0)[0]).isCloseTo(35 / 255f, within(1e-6f));
        assertThat(d.sample(1)[0]).isCloseTo((0.299f * 200 + 0.587f * 100 + 0.114f * 50) / 255f, within(1e-6f));
        Dataset two = load(P, "dir", dir.toString(), "size", 2, "channels", "1");
        // 4×2 to 2×2: each output pixel the mean of two neighbours in a row
        assertThat(two.sample(0)).containsExactly(new float[] {5 / 255f, 25 / 255f, 45 / 255f, 65 / 255f}, within(1e-6f));
        // 1×1 to 2×2: every pixel the one value
        assertThat(two.sample(1)).containsOnly(two.sample(1)[0]);
        assertThat(AreaResize.resize(new float[] {0, 3, 6}, 1, 3, 1, 2)).containsExactly(new float[] {1f, 5f}, within(1e-6f));
    }

    @Test
    void readsJpegs() {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                img.setRGB(x, y, 200 << 16 | 100 << 8 | 50);
            }
        }
        write(dir, "k/a.jpg", encode(img, "jpeg"));
        write(dir, "k/b.JPEG", encode(img, "jpeg"));
        Dataset d = load(P, "dir", dir.toString(), "size", 4);
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.sampleShape()).containsExactly(3, 4, 4);
        float[] s = d.sample(0);
        for (int i = 0; i < 16; i++) {
            assertThat(s[i]).isCloseTo(200 / 255f, within(4 / 255f));
            assertThat(s[16 + i]).isCloseTo(100 / 255f, within(4 / 255f));
            assertThat(s[32 + i]).isCloseTo(50 / 255f, within(4 / 255f));
        }
    }

    @Test
    void emptyFoldersAreNamed() throws IOException {
        assertThatThrownBy(() -> load(P, "dir", dir.toString())).isInstanceOf(DclustException.class)
                .hasMessage(dir + ": holds no class sub-folders; expected DIR/CLASS/IMAGE.png|jpg");
        write(dir, "loose.png", encode(grey(1, 1, 0), "png"));
        assertThatThrownBy(() -> load(P, "dir", dir.toString())).isInstanceOf(DclustException.class)
                .hasMessage(dir + ": holds no class sub-folders (its images must go into one sub-folder per class); expected DIR/CLASS/IMAGE.png|jpg");
        write(dir, "a/1.png", encode(grey(1, 1, 0), "png"));
        Files.createDirectories(dir.resolve("b"));
        write(dir, "b/readme.txt", text("no images here"));
        assertThatThrownBy(() -> load(P, "dir", dir.toString())).isInstanceOf(DclustException.class)
                .hasMessage(dir.resolve("b") + ": the class folder holds no PNG or JPEG images (.png, .jpg, .jpeg)");
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> load(P, "dir", missing.toString())).isInstanceOf(DclustException.class)
                .hasMessage(missing + ": no such directory");
        assertThatThrownBy(() -> load(P)).isInstanceOf(DclustException.class)
                .hasMessageStartingWith("image-folder.dir is not set;");
    }

    @Test
    void unreadableImagesAreNamed() {
        write(dir, "a/1.png", encode(grey(4, 4, new int[16]), "png"));
        Path bogus = write(dir, "a/2.png", text("this is not an image"));
        assertThatThrownBy(() -> load(P, "dir", dir.toString())).isInstanceOf(DclustException.class)
                .hasMessage(bogus + ": cannot read it as a PNG or JPEG image: no decoder recognises its content");
        byte[] png = encode(rgb(16, 16, 0, 0, 0), "png");
        write(dir, "a/2.png", cut(png, png.length / 2));
        assertThatThrownBy(() -> load(P, "dir", dir.toString())).isInstanceOf(DclustException.class)
                .hasMessageStartingWith(bogus + ": cannot read it as a PNG or JPEG image: ").hasMessageEndingWith("(truncated)");
        BufferedImage noise = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        java.util.Random rnd = new java.util.Random(1);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                noise.setRGB(x, y, rnd.nextInt(1 << 24));
            }
        }
        byte[] jpg = encode(noise, "jpeg");
        Path cutJpeg = write(dir, "a/3.jpg", cut(jpg, jpg.length / 2));
        write(dir, "a/2.png", png);
        assertThatThrownBy(() -> load(P, "dir", dir.toString())).isInstanceOf(DclustException.class)
                .hasMessageStartingWith(cutJpeg + ": cannot read it as a PNG or JPEG image: the JPEG data is damaged: ");
    }
}
