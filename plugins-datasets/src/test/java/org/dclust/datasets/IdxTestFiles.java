package org.dclust.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests: valid ones, and the bytes to corrupt them with. */
final class IdxTestFiles {
    private IdxTestFiles() {
    }

    /** An idx3 ubyte images file's bytes: {@code pixels.length / (rows*cols)} images. */
    static byte[] images(int rows, int cols, int... pixels) {
        int count = pixels.length / (rows * cols);
        ByteBuffer b = ByteBuffer.allocate(16 + pixels.length);
        b.putInt(0x00000803).putInt(count).putInt(rows).putInt(cols);
        for (int p : pixels) {
            b.put((byte) p);
        }
        return b.array();
    }

    /** An idx1 ubyte labels file's bytes. */
    static byte[] labels(int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(0x00000801).putInt(labels.length);
        for (int l : labels) {
            b.put((byte) l);
        }
        return b.array();
    }

    /** An idx1 labels file of 32-bit big-endian integers (type 0x0C). */
    static byte[] intLabels(int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + 4 * labels.length);
        b.putInt(0x00000C01).putInt(labels.length);
        for (int l : labels) {
            b.putInt(l);
        }
        return b.array();
    }

    /** The bytes with the first {@code n} kept. */
    static byte[] cut(byte[] bytes, int n) {
        return Arrays.copyOf(bytes, n);
    }

    /** The bytes gzip-compressed. */
    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes {@code bytes} to {@code dir/name} and returns the path. */
    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
