package org.dclust.datasets;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.dclust.api.DclustException;

/**
 * One IDX file being decoded: raw or gzip (told apart by the gzip magic bytes 1f 8b, not by the file
 * name), its header checked against what the caller expects, its body read in large chunks. Every
 * problem becomes a {@link DclustException} that starts with the file's name.
 */
final class IdxStream implements Closeable {
    /** IDX element type of unsigned bytes. */
    static final int UBYTE = 0x08;
    private static final int BYTE = 0x09;
    private static final int SHORT = 0x0B;
    private static final int INT = 0x0C;
    private static final int CHUNK = 1 << 20;
    private static final float[] SCALE = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            SCALE[i] = i / 255f;
        }
    }

    private final String name;
    private final InputStream in;
    private final byte[] header = new byte[16];
    private int type;
    private long headerBytes;
    private long bodyBytes;

    private IdxStream(String name, InputStream in) {
        this.name = name;
        this.in = in;
    }

    /** Opens a file. */
    static IdxStream open(Path file) {
        try {
            return of(Files.newInputStream(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new DclustException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new DclustException(file + ": cannot read it (permission denied)");
        } catch (IOException e) {
            throw new DclustException(file + ": cannot read it: " + e.getMessage(), e);
        }
    }

    /** Wraps an open stream (closed with this object); {@code name} is used in messages. */
    static IdxStream of(InputStream raw, String name) {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        try {
            buffered.mark(2);
            int b0 = buffered.read();
            int b1 = buffered.read();
            buffered.reset();
            InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
            return new IdxStream(name, in);
        } catch (ZipException | EOFException e) {
            closeQuietly(buffered);
            throw new DclustException(name + ": corrupt gzip data: " + e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly(buffered);
            throw new DclustException(name + ": cannot read it: " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    /**
     * Reads and checks the header of an image file: unsigned bytes in 3 dimensions (magic 0x00000803).
     *
     * @return count, rows, cols
     */
    int[] readImageHeader() {
        int magic = readInt(0);
        if (magic != (UBYTE << 8 | 3)) {
            throw fail("wrong magic number " + hex(magic) + ", expected 0x00000803 (IDX images: unsigned bytes, 3 dimensions)"
                    + (magic == (UBYTE << 8 | 1) ? "; this looks like a labels file" : ""));
        }
        type = UBYTE;
        int[] dims = {readInt(4), readInt(8), readInt(12)};
        headerBytes = 16;
        if (dims[0] < 0 || dims[1] <= 0 || dims[2] <= 0) {
            throw fail("the header gives impossible sizes: " + dims[0] + " images of " + dims[1] + "×" + dims[2]);
        }
        if (dims[0] == 0) {
            throw fail("holds no images (the header's count is 0)");
        }
        return dims;
    }

    /**
     * Reads and checks the header of a label file: one dimension of unsigned bytes (magic 0x00000801);
     * signed bytes, 16-bit and 32-bit integers are accepted too.
     *
     * @return the number of labels
     */
    int readLabelHeader() {
        int magic = readInt(0);
        int t = magic >>> 8;
        if ((magic & 0xFF) != 1 || (t != UBYTE && t != BYTE && t != SHORT && t != INT)) {
            throw fail("wrong magic number " + hex(magic) + ", expected 0x00000801 (IDX labels: unsigned bytes, 1 dimension)"
                    + (magic == (UBYTE << 8 | 3) ? "; this looks like an images file" : ""));
        }
        type = t;
        int count = readInt(4);
        headerBytes = 8;
        if (count < 0) {
            throw fail("the header gives a negative label count " + count);
        }
        return count;
    }

    /**
     * Reads {@code len} unsigned bytes into {@code dst[off..off+len)} as floats scaled to [0, 1];
     * {@code promise} says what the header promised ("3 images of 28×28"), for messages.
     */
    void readPixels(float[] dst, int off, int len, String promise) {
        byte[] buf = new byte[Math.min(CHUNK, len)];
        int pos = off;
        int remaining = len;
        String promised = promise + " (" + len + " bytes after the header)";
        while (remaining > 0) {
            int want = Math.min(buf.length, remaining);
            int got = readFully(buf, want, promised);
            for (int i = 0; i < got; i++) {
                dst[pos++] = SCALE[buf[i] & 0xFF];
            }
            remaining -= got;
        }
    }

    /** Reads {@code count} labels into {@code dst[off..off+count)}, each checked to lie in 0..255. */
    void readLabels(int[] dst, int off, int count) {
        int width = type == SHORT ? 2 : type == INT ? 4 : 1;
        long len = (long) count * width;
        byte[] buf = new byte[(int) Math.min(CHUNK, len)];
        int k = 0;
        String promised = count + " labels (" + len + " bytes after the header)";
        while (k < count) {
            int want = Math.min(buf.length / width, count - k) * width;
            readFully(buf, want, promised);
            for (int i = 0; i < want; i += width) {
                int v;
                switch (type) {
                    case BYTE:
                        v = buf[i];
                        break;
                    case SHORT:
                        v = (short) ((buf[i] & 0xFF) << 8 | (buf[i + 1] & 0xFF));
                        break;
                    case INT:
                        v = (buf[i] & 0xFF) << 24 | (buf[i + 1] & 0xFF) << 16 | (buf[i + 2] & 0xFF) << 8 | (buf[i + 3] & 0xFF);
                        break;
                    default:
                        v = buf[i] & 0xFF;
                }
                if (v < 0 || v > 255) {
                    throw fail("label " + v + " of sample " + k + " is outside 0..255");
                }
                dst[off + k++] = v;
            }
        }
    }

    /** Checks that nothing follows the body the header promised. */
    void expectEnd() {
        try {
            if (in.read() != -1) {
                throw fail("holds more data than its header promises (" + (headerBytes + bodyBytes) + " bytes)");
            }
        } catch (IOException e) {
            throw ioFail(e);
        }
    }

    /** Reads exactly {@code want} bytes or fails as truncated; {@code promise} is for the message. */
    private int readFully(byte[] buf, int want, String promise) {
        int got;
        try {
            got = in.readNBytes(buf, 0, want);
        } catch (IOException e) {
            throw ioFail(e);
        }
        bodyBytes += got;
        if (got < want) {
            throw fail("truncated: the header promises " + promise + " but only " + bodyBytes + " follow");
        }
        return got;
    }

    /** Reads the big-endian int at header offset {@code at} (reading the header bytes up to it first). */
    private int readInt(int at) {
        int got;
        try {
            got = in.readNBytes(header, at, 4);
        } catch (IOException e) {
            throw ioFail(e);
        }
        if (got < 4) {
            throw fail(at == 0 && got == 0 ? "truncated: the file is empty"
                    : "truncated: the file ends after " + (at + got) + " bytes, inside its header");
        }
        return (header[at] & 0xFF) << 24 | (header[at + 1] & 0xFF) << 16 | (header[at + 2] & 0xFF) << 8 | (header[at + 3] & 0xFF);
    }

    private DclustException ioFail(IOException e) {
        if (e instanceof EOFException) {
            return fail("truncated: the gzip stream ends early");
        }
        if (e instanceof ZipException) {
            return new DclustException(name + ": corrupt gzip data: " + e.getMessage(), e);
        }
        return new DclustException(name + ": cannot read it: " + e.getMessage(), e);
    }

    private DclustException fail(String problem) {
        return new DclustException(name + ": " + problem);
    }

    private static String hex(int v) {
        return String.format("0x%08X", v);
    }

    private static void closeQuietly(InputStream s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already failing
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new DclustException(name + ": cannot close it: " + e.getMessage(), e);
        }
    }
}
