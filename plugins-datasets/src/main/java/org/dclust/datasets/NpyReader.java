package org.dclust.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dclust.api.DclustException;

/**
 * Reads NumPy {@code .npy} arrays (format versions 1, 2 and 3): booleans, signed and unsigned
 * integers of 1, 2, 4 and 8 bytes, and floats of 4 and 8 bytes, little- or big-endian, in C order.
 * The body is read in 1 MiB chunks straight into the result array. A wrong magic string, an
 * unsupported type, Fortran order, a shape too large for one array, a body shorter or longer than the
 * header promises, a NaN or infinite value (for features) or a non-integral value (for labels)
 * each fail with one {@link DclustException} naming the source, and the record (the index along
 * the first axis) where it applies.
 */
final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int CHUNK = 1 << 20;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /**
     * An array's header.
     *
     * @param kind 'f' float, 'i' signed, 'u' unsigned, 'b' boolean
     * @param width bytes per element
     * @param shape the dimensions, the first one the records
     */
    record Header(String descr, char kind, int width, ByteOrder order, int[] shape) {
        /** Elements in all. */
        long elements() {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }

        /** Elements per record (the product of all dimensions but the first). */
        int perRecord() {
            int n = 1;
            for (int i = 1; i < shape.length; i++) {
                n *= shape[i];
            }
            return n;
        }

        String shapeText() {
            StringBuilder b = new StringBuilder("(");
            for (int i = 0; i < shape.length; i++) {
                b.append(i > 0 ? ", " : "").append(shape[i]);
            }
            return b.append(shape.length == 1 ? ",)" : ")").toString();
        }
    }

    /** An array read as floats. */
    record Floats(Header header, float[] values) {
    }

    private NpyReader() {
    }

    /** True when {@code head} starts with the .npy magic string. */
    static boolean isNpy(byte[] head) {
        if (head.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (head[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads and checks the header; {@code name} is used in messages. */
    static Header readHeader(InputStream in, String name) {
        byte[] pre = readN(in, 10, name, null);
        for (int i = 0; i < MAGIC.length; i++) {
            if (pre[i] != MAGIC[i]) {
                throw fail(name, "not a .npy file: it does not start with the magic string \\x93NUMPY");
            }
        }
        int major = pre[6] & 0xFF;
        int len;
        if (major == 1) {
            len = (pre[8] & 0xFF) | (pre[9] & 0xFF) << 8;
        } else if (major == 2 || major == 3) {
            byte[] more = readN(in, 2, name, "its header");
            len = (pre[8] & 0xFF) | (pre[9] & 0xFF) << 8 | (more[0] & 0xFF) << 16 | (more[1] & 0xFF) << 24;
            if (len < 0) {
                throw fail(name, "impossible header length " + Integer.toUnsignedString(len));
            }
        } else {
            throw fail(name, "unsupported .npy format version " + major + "." + (pre[7] & 0xFF) + " (1, 2 and 3 are read)");
        }
        String text = new String(readN(in, len, name, "its header"), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(text);
        Matcher f = FORTRAN.matcher(text);
        Matcher s = SHAPE.matcher(text);
        if (!d.find() || !f.find() || !s.find()) {
            throw fail(name, "malformed .npy header (expected 'descr', 'fortran_order' and 'shape'): " + text.trim());
        }
        if (f.group(1).equals("True")) {
            throw fail(name, "the array is stored in Fortran order; save it in C order (numpy.ascontiguousarray) and try again");
        }
        String descr = d.group(1);
        if (descr.length() != 3 || "<>|=".indexOf(descr.charAt(0)) < 0 || "fiub".indexOf(descr.charAt(1)) < 0
                || !Character.isDigit(descr.charAt(2))) {
            throw fail(name, "unsupported element type '" + descr + "' (read: booleans, integers of 1, 2, 4, 8 bytes, floats of 4, 8 bytes)");
        }
        char kind = descr.charAt(1);
        int width = descr.charAt(2) - '0';
        boolean ok = switch (kind) {
            case 'f' -> width == 4 || width == 8;
            case 'b' -> width == 1;
            default -> width == 1 || width == 2 || width == 4 || width == 8;
        };
        if (!ok) {
            throw fail(name, "unsupported element type '" + descr + "' (read: booleans, integers of 1, 2, 4, 8 bytes, floats of 4, 8 bytes)");
        }
        ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        List<Integer> dims = new ArrayList<>();
        for (String part : s.group(1).split(",")) {
            if (part.isBlank()) {
                continue;
            }
            long v;
            try {
                v = Long.parseLong(part.trim().replace("L", ""));
            } catch (NumberFormatException e) {
                throw fail(name, "malformed shape (" + s.group(1) + ") in the .npy header");
            }
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw fail(name, "impossible dimension " + v + " in the shape (" + s.group(1) + ")");
            }
            dims.add((int) v);
        }
        Header h = new Header(descr, kind, width, order, dims.stream().mapToInt(Integer::intValue).toArray());
        if (h.shape().length == 0) {
            throw fail(name, "holds a single value (shape ()), not an array of records");
        }
        if (h.elements() > Integer.MAX_VALUE - 8) {
            throw fail(name, "the array of shape " + h.shapeText() + " is too large for one array (over 2^31 values)");
        }
        return h;
    }

    /**
     * Reads an array as floats, checking that every value is finite; the stream must end after it
     * when {@code expectEnd}.
     */
    static Floats readFloats(InputStream in, String name, boolean expectEnd) {
        Header h = readHeader(in, name);
        float[] out = new float[(int) h.elements()];
        fill(in, h, name, out, 0);
        if (expectEnd) {
            expectEnd(in, h, name);
        }
        return new Floats(h, out);
    }

    /**
     * Reads an array of finite values into {@code dst} from {@code off}, which must have room for it,
     * and checks that the stream ends after it.
     */
    static Header readFloatsInto(InputStream in, String name, float[] dst, int off) {
        Header h = readHeader(in, name);
        if (off + h.elements() > dst.length) {
            throw fail(name, "holds " + h.elements() + " values (shape " + h.shapeText() + "), more than its header promised at first");
        }
        fill(in, h, name, dst, off);
        expectEnd(in, h, name);
        return h;
    }

    private static void fill(InputStream in, Header h, String name, float[] out, int off) {
        int per = Math.max(1, h.perRecord());
        body(in, h, name, (i, v) -> {
            if (!Double.isFinite(v)) {
                throw fail(name, "record " + i / per + (h.shape().length > 1 ? ", element " + i % per : "")
                        + " is " + (Double.isNaN(v) ? "NaN" : "infinite") + "; values must be finite numbers");
            }
            out[off + i] = (float) v;
        });
    }

    /**
     * Reads a one-dimensional (or N×1) array of class labels: integers of any sign (1..10, ids,
     * −1), stored as integers or as integral floats (1.0, 2.0); {@link org.dclust.api.data.Dataset}
     * codes them 0..C−1.
     */
    static int[] readLabels(InputStream in, String name, boolean expectEnd) {
        Header h = readHeader(in, name);
        if (h.shape().length > 2 || (h.shape().length == 2 && h.shape()[1] != 1)) {
            throw fail(name, "labels must be one per record (shape (N,) or (N, 1)), but the shape is " + h.shapeText()
                    + (h.shape().length == 2 ? "; multi-label data is not supported" : ""));
        }
        int[] out = new int[(int) h.elements()];
        body(in, h, name, (i, v) -> {
            if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw fail(name, "label " + (Double.isNaN(v) ? "NaN" : fmt(v)) + " of record " + i
                        + " is not an integer that fits 32 bits; class labels must be whole numbers");
            }
            out[i] = (int) v;
        });
        if (expectEnd) {
            expectEnd(in, h, name);
        }
        return out;
    }

    private interface Sink {
        void accept(int index, double value);
    }

    private static void body(InputStream in, Header h, String name, Sink sink) {
        long n = h.elements();
        int w = h.width();
        long promised = n * w;
        byte[] buf = new byte[(int) Math.min(CHUNK - CHUNK % w, Math.max(promised, w))];
        ByteBuffer bb = ByteBuffer.wrap(buf).order(h.order());
        long readBytes = 0;
        int i = 0;
        while (i < n) {
            int want = (int) Math.min(buf.length, (n - i) * w);
            int got;
            try {
                got = in.readNBytes(buf, 0, want);
            } catch (IOException e) {
                throw DataFiles.problem(name, e);
            }
            readBytes += got;
            if (got < want) {
                throw fail(name, "truncated: the header promises shape " + h.shapeText() + " of '" + h.descr() + "' ("
                        + promised + " bytes after the header) but only " + readBytes + " follow");
            }
            for (int p = 0; p < got; p += w, i++) {
                sink.accept(i, value(bb, p, h.kind(), w));
            }
        }
    }

    private static double value(ByteBuffer bb, int p, char kind, int w) {
        switch (kind) {
            case 'f':
                return w == 4 ? bb.getFloat(p) : bb.getDouble(p);
            case 'b':
                return bb.get(p) != 0 ? 1 : 0;
            case 'u':
                switch (w) {
                    case 1:
                        return bb.get(p) & 0xFF;
                    case 2:
                        return bb.getShort(p) & 0xFFFF;
                    case 4:
                        return bb.getInt(p) & 0xFFFFFFFFL;
                    default:
                        long l = bb.getLong(p);
                        return l >= 0 ? l : (l >>> 1) * 2.0 + (l & 1);
                }
            default:
                switch (w) {
                    case 1:
                        return bb.get(p);
                    case 2:
                        return bb.getShort(p);
                    case 4:
                        return bb.getInt(p);
                    default:
                        return bb.getLong(p);
                }
        }
    }

    private static void expectEnd(InputStream in, Header h, String name) {
        try {
            if (in.read() != -1) {
                throw fail(name, "holds more data than its header promises (shape " + h.shapeText() + " of '" + h.descr() + "')");
            }
        } catch (IOException e) {
            throw DataFiles.problem(name, e);
        }
    }

    /** Reads exactly n bytes of {@code what} (null: the start of the file). */
    private static byte[] readN(InputStream in, int n, String name, String what) {
        byte[] b;
        try {
            b = in.readNBytes(n);
        } catch (IOException e) {
            throw DataFiles.problem(name, e);
        }
        if (b.length < n) {
            throw fail(name, what == null && b.length == 0 ? "truncated: the file is empty"
                    : "truncated: it ends inside " + (what == null ? "its header" : what));
        }
        return b;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static DclustException fail(String name, String problem) {
        return new DclustException(name + ": " + problem);
    }
}
