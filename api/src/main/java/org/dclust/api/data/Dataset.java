package org.dclust.api.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.dclust.api.DclustException;

/**
 * A data set in memory: N samples of one shape (D for feature vectors, C×H×W for images) stored as
 * one contiguous float array, optional integer labels (used only for reporting metrics), the number
 * of classes when known, and a content fingerprint for provenance and caching.
 *
 * <p>Samples stay on the Java heap (4 bytes per value); batches become tensors on the device with
 * {@link #batch}.
 */
public final class Dataset {
    private final String name;
    private final float[] values;
    private final int[] sampleShape;
    private final int size;
    private final int featureSize;
    private final int[] labels;
    private final int numClasses;
    private volatile String fingerprint;

    /**
     * @param values N × prod(sampleShape) values, sample-major
     * @param labels class per sample in [0, numClasses), or null when unlabelled
     * @param numClasses declared number of classes, 0 when unknown
     */
    public Dataset(String name, float[] values, int[] sampleShape, int[] labels, int numClasses) {
        this.name = Objects.requireNonNull(name);
        this.values = Objects.requireNonNull(values);
        this.sampleShape = sampleShape.clone();
        int f = 1;
        for (int s : sampleShape) {
            if (s <= 0) {
                throw new DclustException("data set " + name + ": sample shape " + Arrays.toString(sampleShape) + " has a non-positive size");
            }
            f *= s;
        }
        this.featureSize = f;
        if (values.length % f != 0) {
            throw new DclustException("data set " + name + ": " + values.length + " values do not make whole samples of " + f);
        }
        this.size = values.length / f;
        if (size == 0) {
            throw new DclustException("data set " + name + " is empty: it holds no samples");
        }
        if (labels != null) {
            if (labels.length != size) {
                throw new DclustException("data set " + name + ": " + labels.length + " labels for " + size + " samples");
            }
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0 || (numClasses > 0 && labels[i] >= numClasses)) {
                    throw new DclustException("data set " + name + ": label " + labels[i] + " of sample " + i
                            + " is outside [0, " + numClasses + ")");
                }
            }
        }
        this.labels = labels;
        this.numClasses = numClasses;
    }

    public String name() {
        return name;
    }

    /** Number of samples N. */
    public int size() {
        return size;
    }

    /** The shape of one sample, e.g. [784] or [1, 28, 28]. */
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    /** Values per sample (the product of the sample shape). */
    public int featureSize() {
        return featureSize;
    }

    /** All values, sample-major; shared, do not modify. */
    public float[] values() {
        return values;
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /** The labels, or null when the data set is unlabelled; for metrics only. */
    public int[] labels() {
        return labels;
    }

    /** The declared number of classes, or 0 when unknown. */
    public int numClasses() {
        return numClasses;
    }

    /** One sample's values (a copy). */
    public float[] sample(int i) {
        return Arrays.copyOfRange(values, i * featureSize, (i + 1) * featureSize);
    }

    /** The samples at the given indices as one tensor of shape (b, sampleShape...) in {@code manager}. */
    public NDArray batch(NDManager manager, int[] indices) {
        float[] buf = new float[indices.length * featureSize];
        for (int j = 0; j < indices.length; j++) {
            System.arraycopy(values, indices[j] * featureSize, buf, j * featureSize, featureSize);
        }
        return manager.create(buf, batchShape(indices.length));
    }

    /** The samples from {@code start} (inclusive) to {@code end} (exclusive) as one tensor. */
    public NDArray range(NDManager manager, int start, int end) {
        float[] buf = Arrays.copyOfRange(values, start * featureSize, end * featureSize);
        return manager.create(buf, batchShape(end - start));
    }

    /** The shape (n, sampleShape...). */
    public Shape batchShape(int n) {
        long[] dims = new long[sampleShape.length + 1];
        dims[0] = n;
        for (int i = 0; i < sampleShape.length; i++) {
            dims[i + 1] = sampleShape[i];
        }
        return new Shape(dims);
    }

    /** The samples at the given indices (and their labels) as a new data set. */
    public Dataset subset(String newName, int[] indices) {
        float[] v = new float[indices.length * featureSize];
        int[] l = labels == null ? null : new int[indices.length];
        for (int j = 0; j < indices.length; j++) {
            System.arraycopy(values, indices[j] * featureSize, v, j * featureSize, featureSize);
            if (l != null) {
                l[j] = labels[indices[j]];
            }
        }
        return new Dataset(newName, v, sampleShape, l, numClasses);
    }

    /** The same samples under new values (after preprocessing), keeping name, shape and labels. */
    public Dataset withValues(float[] newValues) {
        return new Dataset(name, newValues, sampleShape, labels, numClasses);
    }

    /**
     * SHA-256 over the sample shape, the values and the labels: equal content gives an equal
     * fingerprint whatever the file it came from. Computed once.
     */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
                for (int s : sampleShape) {
                    buf.putInt(s);
                }
                for (float v : values) {
                    if (buf.remaining() < 4) {
                        md.update(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    buf.putFloat(v);
                }
                buf.putInt(-1);
                if (labels != null) {
                    for (int l : labels) {
                        if (buf.remaining() < 4) {
                            md.update(buf.array(), 0, buf.position());
                            buf.clear();
                        }
                        buf.putInt(l);
                    }
                }
                md.update(buf.array(), 0, buf.position());
                f = "sha256:" + HexFormat.of().formatHex(md.digest()).substring(0, 32);
                fingerprint = f;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return f;
    }

    @Override
    public String toString() {
        return name + " (" + size + " × " + Arrays.toString(sampleShape) + (labels != null ? ", " + numClasses + " classes" : "") + ")";
    }
}
