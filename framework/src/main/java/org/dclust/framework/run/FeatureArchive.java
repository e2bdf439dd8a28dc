package org.dclust.framework.run;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import org.dclust.api.toolkit.Atomic;

/**
 * A NumPy {@code .npz} archive of features, as the {@code features} data set reads it: array {@code x}
 * (float32, N×D, one sample per row) and, when the samples have labels, array {@code y} (int32, N, the
 * class codes 0..C−1 in the data set's order). Written with DJL's own NPZ encoder
 * ({@link NDList#encode(java.io.OutputStream, NDList.Encoding)}), atomically.
 */
public final class FeatureArchive {
    private FeatureArchive() {
    }

    /**
     * Writes {@code x} (N rows of D values) and {@code y} (N labels, or null) to {@code file}.
     *
     * @throws IllegalArgumentException rows of different lengths, or labels of another count
     */
    public static void write(Path file, float[][] x, int[] y) throws IOException {
        int n = x.length;
        int d = n == 0 ? 0 : x[0].length;
        if (y != null && y.length != n) {
            throw new IllegalArgumentException(y.length + " labels for " + n + " samples");
        }
        float[] flat = new float[n * d];
        for (int i = 0; i < n; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " values, row 0 has " + d);
            }
            System.arraycopy(x[i], 0, flat, i * d, d);
        }
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray features = m.create(flat, new Shape(n, d));
            features.setName("x");
            NDList arrays = new NDList(features);
            if (y != null) {
                NDArray labels = m.create(y);
                labels.setName("y");
                arrays.add(labels);
            }
            Atomic.writeBytes(file, arrays.encode(NDList.Encoding.NPZ));
        }
    }
}
