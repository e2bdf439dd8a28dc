package org.dclust.datasets;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.dclust.api.DclustException;

/**
 * Opens data files that may be compressed: gzip (magic bytes 1f 8b) and bzip2 (magic "BZh") are
 * recognised by their first bytes, whatever the file name, and decompressed on the fly. Every
 * problem becomes a {@link DclustException} that starts with the file's name.
 */
final class DataFiles {
    private static final int BUFFER = 1 << 16;

    private DataFiles() {
    }

    /** The file's bytes, decompressed when it is gzip or bzip2; the caller closes the stream. */
    static InputStream open(Path file) {
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new DclustException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new DclustException(file + ": cannot read it (permission denied)");
        } catch (IOException e) {
            throw new DclustException(file + ": cannot read it: " + e.getMessage(), e);
        }
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        try {
            in.mark(4);
            byte[] magic = in.readNBytes(4);
            in.reset();
            if (magic.length >= 2 && (magic[0] & 0xFF) == 0x1f && (magic[1] & 0xFF) == 0x8b) {
                return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
            }
            if (magic.length >= 4 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h' && magic[3] >= '1' && magic[3] <= '9') {
                return new BufferedInputStream(new BZip2CompressorInputStream(in), BUFFER);
            }
            return in;
        } catch (IOException e) {
            close(in);
            throw problem(file, e);
        }
    }

    /** The whole (decompressed) content of the file. */
    static byte[] readAll(Path file) {
        try (InputStream in = open(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw problem(file, e);
        }
    }

    /** The message for an I/O failure while reading {@code file}. */
    static DclustException problem(Object file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DclustException(file + ": no such file");
        }
        if (e instanceof EOFException) {
            return new DclustException(file + ": truncated: the compressed stream ends early", e);
        }
        if (e instanceof ZipException) {
            return new DclustException(file + ": corrupt compressed data: " + e.getMessage(), e);
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e.getClass().getName().startsWith("org.apache.commons.compress")
                || msg.toLowerCase(java.util.Locale.ROOT).contains("stream")) {
            return new DclustException(file + ": corrupt or truncated compressed data: " + msg, e);
        }
        return new DclustException(file + ": cannot read it: " + msg, e);
    }

    /** Checks that {@code file} is an existing regular file. */
    static void requireFile(Path file) {
        if (!Files.exists(file)) {
            throw new DclustException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new DclustException(file + ": is not a regular file");
        }
    }

    /** Checks that {@code dir} is an existing directory. */
    static void requireDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DclustException(dir + ": " + (Files.exists(dir) ? "is not a directory" : "no such directory"));
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing
        }
    }
}
