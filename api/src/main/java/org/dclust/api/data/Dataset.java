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
import java.util.List;
import java.util.Objects;
import org.dclust.api.DclustException;

/**
 * A data set in memory: N samples of one shape (D for feature vectors, C×H×W for images) stored as
 * one contiguous float array, optional class labels (used only for reporting metrics), the number
 * of classes, and a content fingerprint for provenance and caching.
 *
 * <p>Labels are held as {@link Labels}: codes 0..C−1, every class held by at least one sample, with
 * each class's label as the source gave it ({@link #classes()}). A reader may hand over its labels
 * as they are (1..10, ids, −1; or names through {@link Labels#ofText}): they are coded here, so the
 * number of classes is always the number of classes present, also after a {@link #subset} that
 * drops a class.
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
    private final Labels labels;
    private final int declaredClasses;
    private volatile String fingerprint;

    /**
     * A data set whose labels are integers of any value.
     *
     * @param values N × prod(sampleShape) values, sample-major
     * @param labels the label of each sample (any integers; coded as by {@link Labels#ofValues}), or
     *     null when unlabelled
     * @param numClasses the number of classes the source declares, 0 when it declares none: with
     *     labels, every label must lie in [0, numClasses) (a check that the file is what it says);
     *     without labels, it is the number of classes {@link #numClasses()} reports
     * @throws DclustException when the shape, the values and the labels do not fit together, or a
     *     label lies outside a declared [0, numClasses)
     */
    public Dataset(String name, float[] values, int[] sampleShape, int[] labels, int numClasses) {
        this(name, values, sampleShape, labels == null ? null : Labels.ofValues(checked(name, labels, numClasses)),
                labels == null ? numClasses : 0);
    }

    /**
     * A data set with labels already coded, for example by name with {@link Labels#ofText} or
     * {@link Labels#ofIndices}.
     *
     * @param labels one per sample, or null when unlabelled
     */
    public Dataset(String name, float[] values, int[] sampleShape, Labels labels) {
        this(name, values, sampleShape, labels, 0);
    }

    private Dataset(String name, float[] values, int[] sampleShape, Labels labels, int declaredClasses) {
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
        if (labels != null && labels.size() != size) {
            throw new DclustException("data set " + name + ": " + labels.size() + " labels for " + size + " samples");
        }
        this.labels = labels;
        this.declaredClasses = declaredClasses;
    }

    private static int[] checked(String name, int[] labels, int numClasses) {
        if (numClasses > 0) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0 || labels[i] >= numClasses) {
                    throw new DclustException("data set " + name + ": label " + labels[i] + " of sample " + i
                            + " is outside [0, " + numClasses + ")");
                }
            }
        }
        return labels;
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

    /**
     * The class code of each sample, in [0, {@link #numClasses()}), or null when the data set is
     * unlabelled; for metrics only. Shared, do not modify.
     */
    public int[] labels() {
        return labels == null ? null : labels.codes();
    }

    /**
     * The number of classes: with labels, the number of classes the samples hold (at least 1);
     * without, the number the source declared, or 0 when unknown.
     */
    public int numClasses() {
        return labels == null ? declaredClasses : labels.numClasses();
    }

    /** The label each class had in the source ("1", "-1", "cat"), indexed by code; empty when unlabelled. */
    public List<String> classes() {
        return labels == null ? List.of() : labels.classes();
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

    /**
     * The samples at the given indices (and their labels) as a new data set; its labels are coded
     * again over the classes the samples hold, so a class none of them has is not counted.
     */
    public Dataset subset(String newName, int[] indices) {
        float[] v = new float[indices.length * featureSize];
        for (int j = 0; j < indices.length; j++) {
            System.arraycopy(values, indices[j] * featureSize, v, j * featureSize, featureSize);
        }
        return new Dataset(newName, v, sampleShape, labels == null ? null : labels.subset(indices), declaredClasses);
    }

    /** The same samples under new values (after preprocessing), keeping name, shape and labels. */
    public Dataset withValues(float[] newValues) {
        return new Dataset(name, newValues, sampleShape, labels, declaredClasses);
    }

    /**
     * The same samples without their labels: what learners and refiners are handed, so that the rule
     * that training never reads a label holds by construction ({@link #labels()} is null,
     * {@link #hasLabels()} false). The number of classes and the {@link #fingerprint()} stay those of
     * this data set, so caches keyed by the fingerprint are shared with the labelled data set.
     */
    public Dataset withoutLabels() {
        if (labels == null) {
            return this;
        }
        Dataset view = new Dataset(name, values, sampleShape, (Labels) null, numClasses());
        view.fingerprint = fingerprint();
        return view;
    }

    /**
     * SHA-256 over the sample shape, the values and the label codes: equal content gives an equal
     * fingerprint whatever the file it came from (the class names do not enter it). Computed once.
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
                    for (int l : labels.codes()) {
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
        return name + " (" + size + " × " + Arrays.toString(sampleShape) + (labels != null ? ", " + labels.numClasses() + " classes" : "") + ")";
    }
}
