package org.dclust.datasets;

import java.nio.file.Path;
import org.dclust.api.DclustException;

/**
 * Reads the binary version of STL-10: an images file of 3×96×96 unsigned bytes per image, each
 * channel stored column by column (as MATLAB writes it), and a labels file of one byte per image in
 * 1..10. Images are transposed to the row-major 3×96×96 of a sample, pixels scaled to [0, 1], labels
 * shifted to 0..9.
 *
 * <p>An images file that is not a whole number of images, an empty file, a labels file with another
 * count, or a label outside 1..10 fails with one {@link DclustException} naming the file.
 */
final class Stl10Reader {
    static final int SIDE = 96;
    static final int PLANE = SIDE * SIDE;
    static final int IMAGE = 3 * PLANE;

    private Stl10Reader() {
    }

    /** Appends the images and labels of one pair to {@code values}/{@code labels} at sample {@code at}. */
    static void read(byte[] x, Path labelsFile, byte[] y, float[] values, int[] labels, int at) {
        int n = x.length / IMAGE;
        for (int i = 0; i < n; i++) {
            int label = y[i] & 0xFF;
            if (label < 1 || label > 10) {
                throw new DclustException(labelsFile + ": label " + label + " of image " + i + " is outside 1..10; is this really "
                        + "an STL-10 labels file?");
            }
            labels[at + i] = label - 1;
            int src = i * IMAGE;
            int dst = (at + i) * IMAGE;
            for (int c = 0; c < 3; c++) {
                for (int col = 0; col < SIDE; col++) {
                    for (int row = 0; row < SIDE; row++) {
                        values[dst + c * PLANE + row * SIDE + col] = (x[src + c * PLANE + col * SIDE + row] & 0xFF) / 255f;
                    }
                }
            }
        }
    }

    /** The number of images in an images file's content, checked against its labels file's. */
    static int count(Path images, byte[] x, Path labelsFile, byte[] y) {
        if (x.length == 0) {
            throw new DclustException(images + ": truncated: the file is empty");
        }
        if (x.length % IMAGE != 0) {
            throw new DclustException(images + ": truncated or not an STL-10 images file: " + x.length + " bytes are not a whole "
                    + "number of 3×96×96 images (" + IMAGE + " bytes each); image " + x.length / IMAGE + " is incomplete");
        }
        int n = x.length / IMAGE;
        if (y.length != n) {
            throw new DclustException(images + ": holds " + n + " images but its labels file " + labelsFile + " holds " + y.length
                    + " labels: the counts must match");
        }
        return n;
    }
}
