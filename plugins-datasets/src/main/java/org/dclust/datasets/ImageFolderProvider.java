package org.dclust.datasets;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.data.Labels;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;

/**
 * Dataset {@code image-folder}: images sorted into one sub-folder per class (as ImageNet-10 and
 * torchvision's ImageFolder keep them), {@code dir/CLASS/…/IMAGE.png|jpg|jpeg}. Classes are the
 * sub-folders in name order, coded 0, 1, … and named by their folders; each class's images are found
 * at any depth and read in path order; other files and hidden entries are ignored. Every image is
 * decoded with {@code javax.imageio}, JPEGs by TwelveMonkeys' reader, converted to {@code channels}
 * (1: grey as 0.299 R + 0.587 G + 0.114 B, or the grey samples themselves; 3: RGB, grey repeated),
 * scaled to [0, 1], and resized to {@code size}×{@code size} by {@link AreaResize} (the aspect ratio
 * is not kept). Images are decoded in parallel. An empty class folder, a folder without class
 * folders, or an image that cannot be decoded fails with one message naming it.
 *
 * <p>The colour models met, and how each is read:
 * <ul>
 *   <li>grey PNGs of 1, 2, 4, 8 or 16 bits and grey JPEGs: the samples divided by 2<sup>bits</sup> − 1;
 *       a grey PNG with alpha: its grey samples;
 *   <li>RGB PNGs of 8 or 16 bits, palette PNGs (1 to 8 bits), RGB/YCbCr JPEGs: their sRGB colours
 *       at 8 bits ({@link BufferedImage#getRGB});
 *   <li>an alpha channel is ignored, the colour kept as stored (as torchvision's
 *       {@code convert("RGB")} does);
 *   <li>CMYK and YCCK JPEGs (Adobe APP14, inverted as Adobe writes them): converted to RGB by their
 *       ICC profile, or without one by R = (1 − C)(1 − K) and likewise for G and B. The JDK's own
 *       reader gives them wrong colours, or all black without the Adobe marker, hence TwelveMonkeys.
 * </ul>
 */
public final class ImageFolderProvider extends BaseDatasetProvider {
    static final String DIR = "dir";
    static final String SIZE = "size";
    static final String CHANNELS = "channels";

    public ImageFolderProvider() {
        super("image-folder", null,
                ParamSpec.text(DIR, null, "folder with one sub-folder of PNG/JPEG images per class; required"),
                ParamSpec.integer(SIZE, 32, 1, 1024, "images are resized to size×size pixels"),
                ParamSpec.choice(CHANNELS, "3", List.of("1", "3"), "1 for grey, 3 for RGB"));
    }

    @Override
    public String title() {
        return "Images sorted into one folder per class (PNG or JPEG), resized";
    }

    @Override
    public String description() {
        return "Your own images, or an ImageNet subset such as ImageNet-10, as DIR/CLASS/IMAGE.png|jpg: one sub-folder per "
                + "class (labels in folder-name order), images at any depth inside it, resized to size×size by area averaging, "
                + "grey (channels=1) or RGB (channels=3), values in [0, 1]. Pass image-folder.dir=DIR.";
    }

    @Override
    Dataset read(Params params) {
        String d = params.getString(DIR);
        if (d == null) {
            throw new DclustException(params.owner() + "." + DIR + " is not set; give a folder with one sub-folder of PNG or JPEG "
                    + "images per class");
        }
        Path dir = Path.of(d);
        DataFiles.requireDirectory(dir);
        int size = params.getInt(SIZE);
        int channels = Integer.parseInt(params.getString(CHANNELS));
        List<Path> classes = list(dir).stream().filter(Files::isDirectory).toList();
        if (classes.isEmpty()) {
            boolean images = list(dir).stream().anyMatch(ImageFolderProvider::isImage);
            throw new DclustException(dir + ": holds no class sub-folders" + (images ? " (its images must go into one sub-folder per class)" : "")
                    + "; expected DIR/CLASS/IMAGE.png|jpg");
        }
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            List<Path> images = images(classes.get(c));
            if (images.isEmpty()) {
                throw new DclustException(classes.get(c) + ": the class folder holds no PNG or JPEG images (.png, .jpg, .jpeg)");
            }
            files.addAll(images);
            for (int i = 0; i < images.size(); i++) {
                labels.add(c);
            }
        }
        int frame = channels * size * size;
        if ((long) files.size() * frame > Integer.MAX_VALUE - 8) {
            throw new DclustException(dir + ": " + files.size() + " images of " + channels + "×" + size + "×" + size
                    + " are too many for one array (over 2^31 values); lower image-folder.size");
        }
        float[] values = new float[files.size() * frame];
        String[] errors = new String[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            try {
                float[] img = decode(files.get(i), channels, size);
                System.arraycopy(img, 0, values, i * frame, frame);
            } catch (DclustException e) {
                errors[i] = e.getMessage();
            } catch (RuntimeException e) {
                errors[i] = files.get(i) + ": cannot read it as a PNG or JPEG image: " + e;
            }
        });
        for (String e : errors) {
            if (e != null) {
                throw new DclustException(e);
            }
        }
        Path last = dir.toAbsolutePath().normalize().getFileName();
        List<String> names = classes.stream().map(c -> c.getFileName().toString()).toList();
        return new Dataset(last == null ? name() : last.toString(), values, new int[] {channels, size, size},
                Labels.ofIndices(labels.stream().mapToInt(Integer::intValue).toArray(), names));
    }

    /**
     * The image decoded to {@code channels}×size×size values in [0, 1]. A decoder warning (a
     * truncated JPEG decodes with one, its missing part grey) fails like an error, except the note
     * that a CMYK JPEG has no ICC profile and is converted by the formula of the class comment.
     */
    static float[] decode(Path file, int channels, int size) {
        BufferedImage img;
        String problem = file + ": cannot read it as a PNG or JPEG image: ";
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = in == null ? null : reader(ImageIO.getImageReaders(in));
            if (reader == null) {
                throw new DclustException(problem + "no decoder recognises its content");
            }
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> {
                if (!warning.contains("ICC")) {
                    warnings.add(warning);
                }
            });
            try {
                reader.setInput(in, true, true);
                img = reader.read(0);
            } finally {
                reader.dispose();
            }
            if (!warnings.isEmpty()) {
                throw new DclustException(problem + "the " + reader.getFormatName().toUpperCase(Locale.ROOT) + " data is damaged: "
                        + warnings.get(0));
            }
        } catch (IOException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new DclustException(problem + (e.getMessage() == null ? e : e.getMessage())
                    + (cause != e ? " (" + (cause instanceof java.io.EOFException ? "truncated" : cause.toString()) + ")" : ""), e);
        }
        int w = img.getWidth();
        int h = img.getHeight();
        float[][] planes = planes(img, channels);
        float[] out = new float[channels * size * size];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(AreaResize.resize(planes[c], h, w, size, size), 0, out, c * size * size, size * size);
        }
        return out;
    }

    /**
     * The first reader ImageIO offers, TwelveMonkeys' JPEG reader ahead of the JDK's whatever the
     * registration order; null when there is none.
     */
    private static ImageReader reader(Iterator<ImageReader> readers) {
        ImageReader first = null;
        while (readers.hasNext()) {
            ImageReader r = readers.next();
            if (r.getOriginatingProvider() instanceof JPEGImageReaderSpi) {
                return r;
            }
            if (first == null) {
                first = r;
            }
        }
        return first;
    }

    /** The image's pixels as {@code channels} planes of h×w values in [0, 1]. */
    private static float[][] planes(BufferedImage img, int channels) {
        int w = img.getWidth();
        int h = img.getHeight();
        float[][] p = new float[channels][w * h];
        Raster raster = img.getRaster();
        if (img.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            // the grey samples themselves (getRGB would pass them through a gamma curve)
            float max = (1 << img.getSampleModel().getSampleSize(0)) - 1;
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    float v = row[x] / max;
                    for (int c = 0; c < channels; c++) {
                        p[c][y * w + x] = v;
                    }
                }
            }
            return p;
        }
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < rgb.length; i++) {
            int r = rgb[i] >> 16 & 0xFF;
            int g = rgb[i] >> 8 & 0xFF;
            int b = rgb[i] & 0xFF;
            if (channels == 1) {
                p[0][i] = (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
            } else {
                p[0][i] = r / 255f;
                p[1][i] = g / 255f;
                p[2][i] = b / 255f;
            }
        }
        return p;
    }

    /** The visible entries of a folder, sorted by name. */
    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new DclustException(dir + ": cannot list it: " + e.getMessage(), e);
        }
    }

    /** The images at any depth below a class folder, in path order. */
    private static List<Path> images(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> visible(dir.relativize(p))).filter(Files::isRegularFile).filter(ImageFolderProvider::isImage).sorted().toList();
        } catch (IOException e) {
            throw new DclustException(dir + ": cannot list it: " + e.getMessage(), e);
        }
    }

    /** True when no element of the relative path starts with a dot. */
    private static boolean visible(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }
}
