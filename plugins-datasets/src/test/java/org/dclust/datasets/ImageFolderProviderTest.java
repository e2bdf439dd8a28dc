package org.dclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.dclust.datasets.DataTestFiles.text;
import static org.dclust.datasets.DataTestFiles.write;
import static org.dclust.datasets.IdxTestFiles.cut;
import static org.dclust.datasets.Loads.load;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
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

    /** One 8×8 JPEG of four components, each the given value everywhere, at quality 1 and with no marker but SOF's. */
    static byte[] fourComponentJpeg(int... v) {
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 8, 8, 4, null);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                r.setPixel(x, y, v);
            }
        }
        ImageWriter w = null;
        for (var it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter c = it.next();
            // the JDK's writer, which writes a raster's samples as they are
            if (!(c.getOriginatingProvider() instanceof com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageWriterSpi)) {
                w = c;
            }
        }
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(1f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            w.setOutput(out);
            w.write(null, new IIOImage(r, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            w.dispose();
        }
        return bytes.toByteArray();
    }

    /** {@code jpeg} with an Adobe APP14 segment (DCT encode version 100, no flags) after SOI: transform 0 = CMYK, 2 = YCCK. */
    static byte[] withAdobeMarker(byte[] jpeg, int transform) {
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
        byte[] out = new byte[jpeg.length + app14.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(app14, 0, out, 2, app14.length);
        System.arraycopy(jpeg, 2, out, 2 + app14.length, jpeg.length - 2);
        return out;
    }

    static void allPixels(float[] sample, int pixels, float r, float g, float b, float tolerance) {
        for (int i = 0; i < pixels; i++) {
            assertThat(sample[i]).as("R of pixel %d", i).isCloseTo(r, within(tolerance));
            assertThat(sample[pixels + i]).as("G of pixel %d", i).isCloseTo(g, within(tolerance));
            assertThat(sample[2 * pixels + i]).as("B of pixel %d", i).isCloseTo(b, within(tolerance));
        }
    }

    @Test
    void cmykAndYcckJpegsAreReadInTheirColours() {
        // ink C = 0, M = Y = 217, K = 55 (of 255); Adobe stores 255 − ink. Without an ICC profile
        // R = 255 (1 − C)(1 − K) = 255 · 200/255 = 200, G = B = (255 − 217)(255 − 55)/255 = 29.80
        int c = 0;
        int m = 217;
        int k = 55;
        write(dir, "ink/cmyk.jpg", withAdobeMarker(fourComponentJpeg(255 - c, 255 - m, 255 - m, 255 - k), 0));
        // YCCK: the inks taken as R, G, B go through JFIF's YCbCr (Y = 0.299 R + 0.587 G + 0.114 B, ...), K as Adobe stores it
        long y = Math.round(0.299 * c + 0.587 * m + 0.114 * m);
        long cb = Math.round(-0.168736 * c - 0.331264 * m + 0.5 * m + 128);
        long cr = Math.round(0.5 * c - 0.418688 * m - 0.081312 * m + 128);
        write(dir, "ink/ycck.jpg", withAdobeMarker(fourComponentJpeg((int) y, (int) cb, (int) cr, 255 - k), 2));
        Dataset d = load(P, "dir", dir.toString(), "size", 8);
        for (int i = 0; i < 2; i++) {
            allPixels(d.sample(i), 64, 200 / 255f, 29.8f / 255, 29.8f / 255, 1.5f / 255);
        }
        Dataset grey = load(P, "dir", dir.toString(), "size", 8, "channels", "1");
        assertThat(grey.sample(0)[0]).isCloseTo((0.299f * 200 + 0.587f * 29.8f + 0.114f * 29.8f) / 255, within(1.5f / 255));
    }

    @Test
    void aFourComponentJpegWithoutAdobeMarkerIsYCbCrWithAlphaNotBlack() {
        // as the JDK's writer made them for ARGB images (Java 8 and before); the JDK's reader gives black.
        // Y = 0, Cb = Cr = 255: R = Y + 1.402 (Cr − 128) = 178.05, G = Y − 0.344136 (Cb − 128) − 0.714136 (Cr − 128) < 0 -> 0,
        // B = Y + 1.772 (Cb − 128) = 225.04
        write(dir, "a/ycca.jpg", fourComponentJpeg(0, 255, 255, 0));
        allPixels(load(P, "dir", dir.toString(), "size", 8).sample(0), 64, 178 / 255f, 0, 225 / 255f, 1.5f / 255);
    }

    @Test
    void otherColourModelsAndBitDepths() {
        // 16-bit grey: samples over 65535
        BufferedImage g16 = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        g16.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {13107, 65535});
        write(dir, "m/1-grey16.png", encode(g16, "png"));
        // grey + alpha: the grey samples, alpha ignored
        ColorModel ga = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false, Transparency.TRANSLUCENT,
                DataBuffer.TYPE_BYTE);
        BufferedImage greyAlpha = new BufferedImage(ga, ga.createCompatibleWritableRaster(2, 1), false, null);
        greyAlpha.getRaster().setPixels(0, 0, 2, 1, new int[] {51, 0, 255, 128});
        write(dir, "m/2-grey-alpha.png", encode(greyAlpha, "png"));
        // 16-bit RGB: 65535, 32896 = 128·257, 0 -> 255, 128, 0
        ColorModel rgb16 = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false, Transparency.OPAQUE,
                DataBuffer.TYPE_USHORT);
        BufferedImage c16 = new BufferedImage(rgb16, rgb16.createCompatibleWritableRaster(2, 1), false, null);
        c16.getRaster().setPixels(0, 0, 2, 1, new int[] {65535, 32896, 0, 65535, 32896, 0});
        write(dir, "m/3-rgb16.png", encode(c16, "png"));
        // palette of two colours
        IndexColorModel pal = new IndexColorModel(8, 2, new byte[] {10, (byte) 200}, new byte[] {20, 100}, new byte[] {30, 50});
        BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, pal);
        indexed.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {1, 0});
        write(dir, "m/4-palette.png", encode(indexed, "png"));
        // 1 bit: black, white
        BufferedImage bits = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY);
        bits.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {0, 1});
        write(dir, "m/5-1bit.png", encode(bits, "png"));
        // RGBA: a transparent pixel keeps its stored colour
        BufferedImage rgba = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        rgba.setRGB(0, 0, 100 << 16 | 150 << 8 | 200);
        rgba.setRGB(1, 0, 0xFF << 24 | 1 << 16 | 2 << 8 | 3);
        write(dir, "m/6-rgba.png", encode(rgba, "png"));

        Dataset d = load(P, "dir", dir.toString(), "size", 2);
        float[][] expected = {
            {0.2f, 1, 0.2f, 1, 0.2f, 1},
            {0.2f, 1, 0.2f, 1, 0.2f, 1},
            {1, 1, 128 / 255f, 128 / 255f, 0, 0},
            {200 / 255f, 10 / 255f, 100 / 255f, 20 / 255f, 50 / 255f, 30 / 255f},
            {0, 1, 0, 1, 0, 1},
            {100 / 255f, 1 / 255f, 150 / 255f, 2 / 255f, 200 / 255f, 3 / 255f},
        };
        for (int i = 0; i < expected.length; i++) {
            // each image is 2×1, resized to 2×2: its row repeated
            float[] s = d.sample(i);
            for (int ch = 0; ch < 3; ch++) {
                float a = expected[i][2 * ch];
                float b = expected[i][2 * ch + 1];
                assertThat(new float[] {s[4 * ch], s[4 * ch + 1], s[4 * ch + 2], s[4 * ch + 3]}).as("image %d channel %d", i, ch)
                        .containsExactly(new float[] {a, b, a, b}, within(1e-6f));
            }
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
