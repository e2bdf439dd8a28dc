package org.dclust.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dclust.api.DclustException;

/**
 * Reads the binary version of CIFAR-10 and CIFAR-100: files of fixed-size records, each
 * {@code labelBytes} label bytes followed by 3,072 pixel bytes (the 1,024 red, then green, then blue
 * values of a 32×32 image, row by row), which is already the 3×32×32 layout of a sample. Pixels are
 * scaled to [0, 1]; the label is byte {@code labelIndex} of the record.
 *
 * <p>A file whose length is not a whole number of records (truncated, or not a CIFAR batch), an
 * empty file, or a label of {@code classes} or more fails with one {@link DclustException} naming
 * the file and the record.
 */
final class CifarReader {
    static final int SIDE = 32;
    static final int PIXELS = 3 * SIDE * SIDE;
    private static final float[] SCALE = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            SCALE[i] = i / 255f;
        }
    }

    /** Images shaped 3×32×32, sample-major, and their labels. */
    record Images(float[] values, int[] labels) {
    }

    private CifarReader() {
    }

    /**
     * Reads the files, concatenated in order.
     *
     * @param what the data set in messages ("CIFAR-10")
     */
    static Images read(List<Path> files, int labelBytes, int labelIndex, int classes, String what) {
        int record = labelBytes + PIXELS;
        List<byte[]> contents = new ArrayList<>();
        long total = 0;
        for (Path f : files) {
            byte[] b = DataFiles.readAll(f);
            if (b.length == 0) {
                throw new DclustException(f + ": truncated: the file is empty");
            }
            if (b.length % record != 0) {
                throw new DclustException(f + ": truncated or not a " + what + " binary file: " + b.length + " bytes are not a whole "
                        + "number of " + record + "-byte records (" + labelBytes + " label byte" + (labelBytes > 1 ? "s" : "")
                        + " + 3×32×32 pixels); record " + b.length / record + " is incomplete");
            }
            total += b.length / record;
            contents.add(b);
        }
        if (total * PIXELS > Integer.MAX_VALUE - 8) {
            throw new DclustException(files.get(0) + " and the files with it: " + total + " images are too many for one array");
        }
        float[] values = new float[(int) total * PIXELS];
        int[] labels = new int[(int) total];
        int at = 0;
        for (int i = 0; i < files.size(); i++) {
            byte[] b = contents.get(i);
            contents.set(i, null);
            int n = b.length / record;
            for (int r = 0; r < n; r++, at++) {
                int off = r * record;
                int label = b[off + labelIndex] & 0xFF;
                if (label >= classes) {
                    throw new DclustException(files.get(i) + ": record " + r + " has label " + label + ", but " + what + " has "
                            + classes + " classes (0.." + (classes - 1) + "); is this really a " + what + " binary file?");
                }
                labels[at] = label;
                int dst = at * PIXELS;
                for (int p = 0, src = off + labelBytes; p < PIXELS; p++) {
                    values[dst + p] = SCALE[b[src + p] & 0xFF];
                }
            }
        }
        return new Images(values, labels);
    }
}
