package org.dclust.datasets;

import io.jhdf.HdfFile;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfInvalidPathException;
import java.io.Closeable;
import java.nio.file.Path;
import org.dclust.api.DclustException;

/**
 * Numeric datasets of an HDF5 file, read with jHDF (pure Java, MIT): integers or floats of any
 * width, read whole. Anything jHDF cannot read (not HDF5, truncated, an unsupported compression
 * filter) fails with one {@link DclustException} naming the file and the dataset.
 */
final class Hdf5File implements Closeable {
    private final Path file;
    private final HdfFile hdf;

    private Hdf5File(Path file, HdfFile hdf) {
        this.file = file;
        this.hdf = hdf;
    }

    static Hdf5File open(Path file) {
        DataFiles.requireFile(file);
        try {
            return new Hdf5File(file, new HdfFile(file));
        } catch (RuntimeException | LinkageError e) {
            throw new DclustException(file + ": not a readable HDF5 file (or truncated): " + message(e), e);
        }
    }

    /** True when {@code path} names a dataset; false when nothing is there. */
    boolean has(String path) {
        try {
            Node n = hdf.getByPath(path);
            return n instanceof io.jhdf.api.Dataset;
        } catch (HdfInvalidPathException e) {
            return false;
        } catch (RuntimeException | LinkageError e) {
            throw fail(path, e);
        }
    }

    /** The top-level names, for messages. */
    String contents() {
        try {
            return String.join(", ", hdf.getChildren().keySet());
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** A dataset's dimensions. */
    int[] dimensions(String path) {
        try {
            return dataset(path).getDimensions();
        } catch (RuntimeException | LinkageError e) {
            throw fail(path, e);
        }
    }

    /** A dataset's values as finite floats, flattened in C order. */
    float[] floats(String path) {
        Object flat = data(path);
        float[] out = new float[java.lang.reflect.Array.getLength(flat)];
        int[] dims = dimensions(path);
        int per = 1;
        for (int i = 1; i < dims.length; i++) {
            per *= dims[i];
        }
        for (int i = 0; i < out.length; i++) {
            double v = element(flat, i);
            if (!Double.isFinite(v)) {
                throw new DclustException(file + ", dataset " + path + ": record " + i / Math.max(1, per) + " holds "
                        + (Double.isNaN(v) ? "NaN" : "an infinite value") + "; values must be finite numbers");
            }
            out[i] = (float) v;
        }
        return out;
    }

    /** A dataset of one non-negative integer label per record. */
    int[] labels(String path) {
        Object flat = data(path);
        int[] out = new int[java.lang.reflect.Array.getLength(flat)];
        for (int i = 0; i < out.length; i++) {
            double v = element(flat, i);
            if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
                throw new DclustException(file + ", dataset " + path + ": label " + v + " of record " + i + " is not a non-negative integer");
            }
            out[i] = (int) v;
        }
        return out;
    }

    private io.jhdf.api.Dataset dataset(String path) {
        if (!has(path)) {
            throw new DclustException(file + ": has no dataset " + path + " (its top level holds: " + contents() + ")");
        }
        return hdf.getDatasetByPath(path);
    }

    private Object data(String path) {
        io.jhdf.api.Dataset ds = dataset(path);
        Object flat;
        try {
            flat = ds.getDataFlat();
        } catch (RuntimeException | LinkageError e) {
            throw fail(path, e);
        }
        if (flat == null || !flat.getClass().isArray() || !flat.getClass().getComponentType().isPrimitive()
                || flat.getClass().getComponentType() == boolean.class || flat.getClass().getComponentType() == char.class) {
            throw new DclustException(file + ", dataset " + path + ": holds " + ds.getJavaType().getSimpleName()
                    + " values, not numbers");
        }
        return flat;
    }

    private static double element(Object a, int i) {
        if (a instanceof double[] d) {
            return d[i];
        }
        if (a instanceof float[] f) {
            return f[i];
        }
        if (a instanceof long[] l) {
            return l[i];
        }
        if (a instanceof int[] n) {
            return n[i];
        }
        if (a instanceof short[] s) {
            return s[i];
        }
        return ((byte[]) a)[i];
    }

    private DclustException fail(String path, Throwable e) {
        if (e instanceof DclustException d) {
            return d;
        }
        String hint = e instanceof LinkageError ? " (it uses a compression filter, LZF, LZ4 or bitshuffle, that dclust does not "
                + "bundle; re-save it with gzip compression or none)" : "";
        return new DclustException(file + ", dataset " + path + ": cannot read it" + (hint.isEmpty() ? " (truncated or corrupt?)" : "") + ": " + message(e) + hint, e);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public void close() {
        try {
            hdf.close();
        } catch (RuntimeException ignored) {
            // nothing more to read
        }
    }
}
