package org.dclust.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.dclust.api.DclustException;

/**
 * Reads the sparse text format of LIBSVM (plain, gzip or bzip2): one sample per non-blank line,
 * {@code LABEL INDEX:VALUE INDEX:VALUE ...}, indices counted from 1 and ascending, omitted features 0.
 * The label must be an integer in a given range; samples have a fixed number of features. A
 * malformed pair, an index out of range or not ascending, a value that is not a finite number, or a
 * label that is not an integer in range fails with one {@link DclustException} naming the file and the line.
 */
final class LibsvmReader {
    /** Dense rows of {@code features} values and the label of each. */
    record Rows(float[] values, int[] labels, int rows) {
    }

    private LibsvmReader() {
    }

    /** Reads the file; labels must lie in {@code lo..hi}. */
    static Rows read(Path file, int features, int lo, int hi) {
        float[] values = new float[features * 1024];
        int[] labels = new int[1024];
        int rows = 0;
        int lineNo = 0;
        try (InputStream in = DataFiles.open(file);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 1 << 16)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (rows == labels.length) {
                    labels = Arrays.copyOf(labels, rows * 2);
                    values = Arrays.copyOf(values, Math.multiplyExact(rows * 2, features));
                }
                parse(file, lineNo, t, features, values, rows * features, labels, rows);
                if (labels[rows] < lo || labels[rows] > hi) {
                    throw new DclustException(file + ": line " + lineNo + ": label " + labels[rows] + " is outside " + lo + ".." + hi);
                }
                rows++;
            }
        } catch (IOException e) {
            throw DataFiles.problem(file, e);
        }
        if (rows == 0) {
            throw new DclustException(file + ": holds no samples (no non-blank lines)");
        }
        return new Rows(Arrays.copyOf(values, rows * features), Arrays.copyOf(labels, rows), rows);
    }

    private static void parse(Path file, int lineNo, String line, int features, float[] values, int off, int[] labels, int row) {
        String[] parts = line.split("\\s+");
        String where = file + ": line " + lineNo + ": ";
        labels[row] = label(parts[0], where);
        int last = 0;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            int colon = p.indexOf(':');
            int index;
            try {
                index = colon > 0 ? Integer.parseInt(p.substring(0, colon)) : Integer.MIN_VALUE;
            } catch (NumberFormatException e) {
                index = Integer.MIN_VALUE;
            }
            if (index == Integer.MIN_VALUE) {
                throw new DclustException(where + "'" + p + "' is not INDEX:VALUE");
            }
            if (index < 1 || index > features) {
                throw new DclustException(where + "index " + index + " is outside 1.." + features);
            }
            if (index <= last) {
                throw new DclustException(where + "index " + index + " follows index " + last + "; indices must be ascending");
            }
            last = index;
            values[off + index - 1] = value(p.substring(colon + 1), where + "the value of index " + index);
        }
    }

    private static int label(String s, String where) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            double d;
            try {
                d = value(s, where + "the label");
            } catch (DclustException notANumber) {
                d = Double.NaN;
            }
            if (d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) {
                return (int) d;
            }
            throw new DclustException(where + "the label '" + s + "' is not an integer");
        }
    }

    /** A finite value, or the message for {@code what} (a cell) that is not one. */
    private static float value(String v, String what) {
        String t = v.toLowerCase(java.util.Locale.ROOT).replaceFirst("^[+-]", "");
        if (t.equals("nan") || t.equals("inf") || t.equals("infinity")) {
            throw new DclustException(what + ", '" + v + "', is not a finite number");
        }
        double d = Double.NaN;
        if (!v.isEmpty() && v.chars().allMatch(c -> "0123456789+-.eE".indexOf(c) >= 0)) {
            try {
                d = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                d = Double.NaN;
            }
        }
        if (Double.isNaN(d)) {
            throw new DclustException(what + ", '" + v + "', is not a number");
        }
        if (Double.isInfinite(d) || Math.abs(d) > Float.MAX_VALUE) {
            throw new DclustException(what + ", '" + v + "', is not a finite number (beyond the float range)");
        }
        return (float) d;
    }
}
