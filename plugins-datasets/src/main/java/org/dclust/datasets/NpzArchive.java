package org.dclust.datasets;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.dclust.api.DclustException;

/**
 * A NumPy {@code .npz} archive: a zip of {@code NAME.npy} arrays, stored ({@code numpy.savez}) or
 * deflated ({@code numpy.savez_compressed}); each array is read with {@link NpyReader}, and named
 * "FILE, array NAME" in messages.
 */
final class NpzArchive implements Closeable {
    private final Path file;
    private final ZipFile zip;
    private final List<String> names;

    private NpzArchive(Path file, ZipFile zip, List<String> names) {
        this.file = file;
        this.zip = zip;
        this.names = names;
    }

    /** Opens the archive and lists its arrays. */
    static NpzArchive open(Path file) {
        DataFiles.requireFile(file);
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new DclustException(file + ": not a valid .npz file (a zip archive of .npy arrays), or truncated: " + e.getMessage(), e);
        } catch (IOException e) {
            throw DataFiles.problem(file, e);
        }
        List<String> names = new ArrayList<>();
        for (ZipEntry e : Collections.list(zip.entries())) {
            if (!e.isDirectory() && e.getName().endsWith(".npy")) {
                names.add(e.getName().substring(0, e.getName().length() - 4));
            }
        }
        if (names.isEmpty()) {
            close(zip);
            throw new DclustException(file + ": holds no .npy arrays; is it really a NumPy .npz file?");
        }
        return new NpzArchive(file, zip, names);
    }

    /** The names of the arrays, in archive order. */
    List<String> names() {
        return names;
    }

    boolean has(String array) {
        return names.contains(array);
    }

    /** How an array is named in messages. */
    String source(String array) {
        return file + ", array " + array;
    }

    /** The array's header alone. */
    NpyReader.Header header(String array) {
        try (InputStream in = stream(array)) {
            return NpyReader.readHeader(in, source(array));
        } catch (IOException e) {
            throw DataFiles.problem(source(array), e);
        }
    }

    /** The array as finite floats. */
    NpyReader.Floats floats(String array) {
        try (InputStream in = stream(array)) {
            return NpyReader.readFloats(in, source(array), true);
        } catch (IOException e) {
            throw DataFiles.problem(source(array), e);
        }
    }

    /** Reads the array into {@code dst} from {@code off} (see {@link NpyReader#readFloatsInto}). */
    NpyReader.Header floatsInto(String array, float[] dst, int off) {
        try (InputStream in = stream(array)) {
            return NpyReader.readFloatsInto(in, source(array), dst, off);
        } catch (IOException e) {
            throw DataFiles.problem(source(array), e);
        }
    }

    /** The array as labels, one per record. */
    int[] labels(String array) {
        try (InputStream in = stream(array)) {
            return NpyReader.readLabels(in, source(array), true);
        } catch (IOException e) {
            throw DataFiles.problem(source(array), e);
        }
    }

    private InputStream stream(String array) {
        ZipEntry e = zip.getEntry(array + ".npy");
        if (e == null) {
            throw new DclustException(file + ": has no array '" + array + "' (it holds: " + String.join(", ", names) + ")");
        }
        try {
            return new java.io.BufferedInputStream(zip.getInputStream(e), 1 << 16);
        } catch (IOException ex) {
            throw DataFiles.problem(source(array), ex);
        }
    }

    private static void close(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // already failing
        }
    }

    @Override
    public void close() {
        close(zip);
    }
}
