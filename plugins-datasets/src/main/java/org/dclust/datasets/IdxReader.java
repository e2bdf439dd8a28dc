package org.dclust.datasets;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dclust.api.DclustException;

/**
 * Reads MNIST-format IDX files: images as idx3 unsigned bytes (magic 0x00000803) and labels as idx1
 * (magic 0x00000801), each raw or gzip-compressed (recognised by its magic bytes 1f 8b, whatever the
 * file name). Several image/label pairs are concatenated in the order given.
 *
 * <p>Lean by design: every header is read first, then one float array for all images is allocated
 * and filled straight from the decompressed stream in 1 MiB chunks, so the only large allocation is
 * the result itself (4 bytes per pixel).
 *
 * <p>A wrong magic number, a truncated file (fewer bytes than its header promises), trailing data,
 * image rows or columns that differ between files, an image count that differs from its label
 * count, or a label outside 0..255 each fail with one {@link DclustException} naming the file and
 * the problem; nothing is ever loaded in part.
 */
public final class IdxReader {
    private IdxReader() {
    }

    /** Reads one images file without labels. */
    public static IdxData readImages(Path images) {
        return read(List.of(images), List.of());
    }

    /** Reads one images file and its labels file. */
    public static IdxData read(Path images, Path labels) {
        return read(List.of(images), List.of(labels));
    }

    /**
     * Reads image files, each with the labels file at the same position, and concatenates them in
     * order.
     *
     * @param labels one labels file per images file, or an empty list for unlabelled images
     */
    public static IdxData read(List<Path> images, List<Path> labels) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images files given");
        }
        if (!labels.isEmpty() && labels.size() != images.size()) {
            throw new IllegalArgumentException(images.size() + " images files but " + labels.size() + " labels files");
        }
        List<IdxStream> img = new ArrayList<>();
        List<IdxStream> lab = new ArrayList<>();
        try {
            for (Path p : images) {
                img.add(IdxStream.open(p));
            }
            for (Path p : labels) {
                lab.add(IdxStream.open(p));
            }
            return decode(img, lab);
        } finally {
            closeAll(img, lab);
        }
    }

    /**
     * Reads images, and labels when {@code labels} is not null, from open streams (a classpath
     * resource, say) and closes them.
     *
     * @param imagesName the name used in messages for the images stream
     * @param labelsName the name used in messages for the labels stream
     */
    public static IdxData read(InputStream images, String imagesName, InputStream labels, String labelsName) {
        List<IdxStream> img = new ArrayList<>();
        List<IdxStream> lab = new ArrayList<>();
        try {
            img.add(IdxStream.of(images, imagesName));
            if (labels != null) {
                lab.add(IdxStream.of(labels, labelsName));
            }
            return decode(img, lab);
        } finally {
            closeAll(img, lab);
            closeQuietly(images);
            closeQuietly(labels);
        }
    }

    private static IdxData decode(List<IdxStream> img, List<IdxStream> lab) {
        int n = img.size();
        int[][] dims = new int[n][];
        long total = 0;
        for (int i = 0; i < n; i++) {
            dims[i] = img.get(i).readImageHeader();
            if (dims[i][1] != dims[0][1] || dims[i][2] != dims[0][2]) {
                throw new DclustException(img.get(i).name() + ": images of " + dims[i][1] + "×" + dims[i][2]
                        + " do not match the " + dims[0][1] + "×" + dims[0][2] + " images of " + img.get(0).name());
            }
            total += dims[i][0];
            if (!lab.isEmpty()) {
                int labelCount = lab.get(i).readLabelHeader();
                if (labelCount != dims[i][0]) {
                    throw new DclustException(img.get(i).name() + ": holds " + dims[i][0] + " images but its labels file "
                            + lab.get(i).name() + " holds " + labelCount + " labels: the counts must match");
                }
            }
        }
        int rows = dims[0][1];
        int cols = dims[0][2];
        long pixels = total * rows * cols;
        if (pixels > Integer.MAX_VALUE - 8) {
            throw new DclustException(img.get(0).name() + (n > 1 ? " and the files with it" : "") + ": " + total
                    + " images of " + rows + "×" + cols + " are too many for one array (over 2^31 values)");
        }
        float[] values = new float[(int) pixels];
        int[] labels = lab.isEmpty() ? null : new int[(int) total];
        int frame = rows * cols;
        int[] fileCounts = new int[n];
        int at = 0;
        for (int i = 0; i < n; i++) {
            int count = dims[i][0];
            fileCounts[i] = count;
            IdxStream s = img.get(i);
            s.readPixels(values, at * frame, count * frame, count + " images of " + rows + "×" + cols);
            s.expectEnd();
            if (labels != null) {
                lab.get(i).readLabels(labels, at, count);
                lab.get(i).expectEnd();
            }
            at += count;
        }
        return new IdxData(values, labels, (int) total, rows, cols, fileCounts);
    }

    private static void closeAll(List<IdxStream> img, List<IdxStream> lab) {
        for (List<IdxStream> list : List.of(img, lab)) {
            for (IdxStream s : list) {
                try {
                    s.close();
                } catch (DclustException ignored) {
                    // reading is done or has already failed; a close error changes nothing
                }
            }
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (java.io.IOException ignored) {
                // nothing to do
            }
        }
    }
}
