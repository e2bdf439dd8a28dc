package org.dclust.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dclust.api.DclustException;

/**
 * Reads a table of numbers from a delimited text file (plain, gzip or bzip2, UTF-8): one sample per
 * non-blank line, one feature per cell, optionally one column of labels. Cells may be quoted with
 * double quotes ({@code ""} inside a quoted cell is a quote); surrounding spaces are ignored.
 *
 * <p>The delimiter is a comma, semicolon, tab or runs of spaces; {@code auto} takes the most frequent
 * of comma, tab and semicolon on the first line, or spaces when it has none of them. The header is
 * {@code yes}, {@code no} or {@code auto}: a header when a cell of the first line (other than the
 * label column) is not a number. With {@code auto}, a first line of two or more cells that is exactly
 * the column numbers (0..m-1, as pandas' {@code to_csv(index=False)} writes for a NumPy array, or
 * 1..m) could be either, and fails asking for {@code header=yes} or {@code no}. A header whose first
 * cell is empty (pandas' unnamed row index, which {@code dclust evaluate} reads as an index) fails
 * in both modes: the row index is no feature. The label column is a header name or a column index
 * counted from 0; a label cell that is empty or spells a missing value ({@link MissingValue}) fails.
 *
 * <p>A cell that is not a number, NaN or an infinite value, a line with a different number of cells
 * than the first, or a file without data rows fails with one {@link DclustException} naming the
 * file, the line and the column index.
 */
final class CsvReader {
    /** The features, row-major, and the label cells (null without a label column). */
    record Table(float[] values, int rows, int cols, String[] labels) {
    }

    private final Path file;
    private final String headerMode;
    private final String delimiterMode;
    private final String labelColumn;
    private final String owner;
    private char delimiter;
    private boolean spaces;

    /**
     * @param header {@code auto}, {@code yes} or {@code no}
     * @param delimiter {@code auto}, {@code comma}, {@code semicolon}, {@code tab} or {@code space}
     * @param labelColumn a header name or column index, or null for no label column
     * @param owner the plugin whose parameters these are ("features"), for messages
     */
    CsvReader(Path file, String header, String delimiter, String labelColumn, String owner) {
        this.file = file;
        this.owner = owner;
        this.headerMode = header;
        this.delimiterMode = delimiter;
        this.labelColumn = labelColumn;
    }

    Table read() {
        try (InputStream in = DataFiles.open(file);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            return parse(r);
        } catch (IOException e) {
            throw DataFiles.problem(file, e);
        }
    }

    private Table parse(BufferedReader r) throws IOException {
        int lineNo = 0;
        String line;
        do {
            line = r.readLine();
            lineNo++;
        } while (line != null && line.isBlank());
        if (line == null) {
            throw fail("holds no data rows (the file is empty)");
        }
        if (line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        chooseDelimiter(line);
        List<String> first = split(line, lineNo);
        int width = first.size();
        int labelAt = -1;
        boolean header;
        if (labelColumn != null && !isIndex(labelColumn)) {
            if (headerMode.equals("no")) {
                throw fail("label = " + labelColumn + " names a column, but header = no; give the column's index (from 0) instead");
            }
            header = true;
            labelAt = columnOf(first, labelColumn);
        } else {
            if (labelColumn != null) {
                labelAt = Integer.parseInt(labelColumn.strip());
                if (labelAt >= width) {
                    throw fail("label column index " + labelAt + " is out of range: line " + lineNo + " has " + width
                            + " columns (indices 0.." + (width - 1) + ")");
                }
            }
            header = headerMode.equals("yes") || (headerMode.equals("auto") && hasText(first, labelAt));
        }
        if (width > 1 && first.get(0).isEmpty() && (header || headerMode.equals("auto") && columnNumbers(first.subList(1, width)))) {
            throw fail("line " + lineNo + ": the first column has no name in the header, as pandas writes its row index "
                    + "(to_csv without index=False); it is no feature: write the file with to_csv(index=False), "
                    + "or delete that column");
        }
        if (!header && headerMode.equals("auto") && width > 1 && columnNumbers(first)) {
            throw fail("line " + lineNo + " is " + first.get(0) + ", " + first.get(1) + ", ..., " + first.get(width - 1)
                    + ": the column numbers, as pandas writes for an array without column names (to_csv(index=False)), "
                    + "or a row of data? set " + owner + ".header=yes to skip it as a header, or " + owner + ".header=no to read it as a sample");
        }
        int cols = width - (labelAt >= 0 ? 1 : 0);
        if (cols == 0) {
            throw fail("line " + lineNo + " has no feature columns besides the label column");
        }
        List<String> names = header ? first : null;
        int firstLine = lineNo;
        float[] values = new float[Math.max(cols, 1 << 12)];
        List<String> labels = labelAt >= 0 ? new ArrayList<>() : null;
        int rows = 0;
        List<String> cells = header ? null : first;
        String plain = null;
        while (true) {
            if (cells != null || plain != null) {
                int n = cells != null ? cells.size() : count(plain, delimiter) + 1;
                if (n != width) {
                    throw fail("line " + lineNo + " has " + n + " cells, but line " + firstLine + " has " + width
                            + "; every row needs the same columns");
                }
                if ((long) (rows + 1) * cols > Integer.MAX_VALUE - 8) {
                    throw fail("too many values for one array (over 2^31) at line " + lineNo);
                }
                if (values.length < (rows + 1) * cols) {
                    values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) values.length * 2, (long) (rows + 1) * cols)));
                }
                int k = rows * cols;
                int at = 0;
                for (int c = 0; c < width; c++) {
                    int end = plain == null ? 0 : c == width - 1 ? plain.length() : plain.indexOf(delimiter, at);
                    if (c == labelAt) {
                        String cell = plain == null ? cells.get(c) : plain.substring(at, end).strip();
                        if (MissingValue.is(cell)) {
                            throw fail("line " + lineNo + ", column index " + c + column(names, c) + ": the label cell is "
                                    + (cell.isEmpty() ? "empty" : "'" + cell + "', a missing value")
                                    + "; every sample needs a label: remove the row, or leave " + owner + ".label unset to read no labels");
                        }
                        labels.add(cell);
                    } else if (plain == null) {
                        values[k++] = number(cells.get(c), lineNo, c, names);
                    } else {
                        double v = fastNumber(plain, at, end);
                        values[k++] = !Double.isNaN(v) ? (float) v : number(plain.substring(at, end).strip(), lineNo, c, names);
                    }
                    at = end + 1;
                }
                rows++;
            }
            line = r.readLine();
            lineNo++;
            if (line == null) {
                break;
            }
            cells = null;
            plain = null;
            if (line.isBlank()) {
                continue;
            }
            if (spaces || line.indexOf('"') >= 0) {
                cells = split(line, lineNo);
            } else {
                plain = line;
            }
        }
        if (rows == 0) {
            throw fail("holds no data rows, only the header on line " + firstLine);
        }
        float[] exact = values.length == rows * cols ? values : Arrays.copyOf(values, rows * cols);
        return new Table(exact, rows, cols, labels == null ? null : labels.toArray(String[]::new));
    }

    private void chooseDelimiter(String line) {
        switch (delimiterMode) {
            case "comma" -> delimiter = ',';
            case "semicolon" -> delimiter = ';';
            case "tab" -> delimiter = '\t';
            case "space" -> spaces = true;
            default -> {
                int comma = count(line, ',');
                int tab = count(line, '\t');
                int semi = count(line, ';');
                if (comma == 0 && tab == 0 && semi == 0) {
                    spaces = line.strip().indexOf(' ') > 0;
                    delimiter = ',';
                } else {
                    delimiter = comma >= tab && comma >= semi ? ',' : tab >= semi ? '\t' : ';';
                }
            }
        }
    }

    private static int count(String line, char c) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                n++;
            }
        }
        return n;
    }

    /** The cells of a line, stripped and unquoted. */
    private List<String> split(String line, int lineNo) {
        List<String> out = new ArrayList<>();
        if (spaces) {
            for (String s : line.strip().split("\\s+")) {
                out.add(s);
            }
            return out;
        }
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw fail("line " + lineNo + ": a quoted cell is not closed (cells cannot span lines)");
                    }
                    char ch = line.charAt(i++);
                    if (ch == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            b.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        b.append(ch);
                    }
                }
                while (i < n && line.charAt(i) != delimiter) {
                    if (!Character.isWhitespace(line.charAt(i))) {
                        throw fail("line " + lineNo + ": text after the closing quote of cell " + out.size());
                    }
                    i++;
                }
                out.add(b.toString().strip());
            } else {
                int j = line.indexOf(delimiter, i);
                int end = j < 0 ? n : j;
                out.add(line.substring(i, end).strip());
                i = end;
            }
            if (i >= n) {
                return out;
            }
            i++; // the delimiter
            if (i == n) {
                out.add("");
                return out;
            }
        }
    }

    private static boolean isIndex(String s) {
        String t = s.strip();
        return !t.isEmpty() && t.length() < 10 && t.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private int columnOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name.strip())) {
                return i;
            }
        }
        String shown = String.join(", ", header.size() <= 40 ? header : header.subList(0, 40))
                + (header.size() <= 40 ? "" : ", ... (" + header.size() + " columns)");
        throw fail("has no column '" + name + "' (its header: " + shown + ")");
    }

    /** True when a cell other than {@code skip} is text: not a number, and not NaN or infinity spelled out. */
    private static boolean hasText(List<String> cells, int skip) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i != skip && !c.isEmpty() && Double.isNaN(parse(c)) && !nonFinite(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the cells are exactly the column numbers 0, 1, ..., m-1 or 1, 2, ..., m: the header
     * pandas writes for an array without column names (0-based), or R and spreadsheets number (1-based).
     */
    private static boolean columnNumbers(List<String> cells) {
        if (cells.isEmpty()) {
            return false;
        }
        String start = cells.get(0);
        if (!start.equals("0") && !start.equals("1")) {
            return false;
        }
        int base = Integer.parseInt(start);
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).equals(Integer.toString(base + i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean nonFinite(String cell) {
        String t = cell.toLowerCase(Locale.ROOT);
        if (t.startsWith("+") || t.startsWith("-")) {
            t = t.substring(1);
        }
        return t.equals("nan") || t.equals("inf") || t.equals("infinity");
    }

    /** The cell's value, or NaN when it is not a plain finite decimal number. */
    private static double parse(String cell) {
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        for (int i = 0; i < cell.length(); i++) {
            if ("0123456789+-.eE".indexOf(cell.charAt(i)) < 0) {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /**
     * The plain decimal number in {@code s[a, b)} (spaces around it allowed), exactly as
     * {@link Double#parseDouble} gives it, when it is within the float range and has at most 18
     * significant digits and a power of ten within ±22 (the common case, where the result is one
     * correctly rounded operation); NaN otherwise, leaving the cell to the general path.
     */
    static double fastNumber(String s, int a, int b) {
        while (a < b && s.charAt(a) <= ' ') {
            a++;
        }
        while (b > a && s.charAt(b - 1) <= ' ') {
            b--;
        }
        int i = a;
        boolean negative = false;
        if (i < b && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean any = false;
        boolean dot = false;
        for (; i < b; i++) {
            char ch = s.charAt(i);
            if (ch >= '0' && ch <= '9') {
                any = true;
                if (mantissa == 0 && ch == '0') {
                    if (dot) {
                        scale--;
                    }
                    continue;
                }
                if (++digits > 18) {
                    return Double.NaN;
                }
                mantissa = mantissa * 10 + (ch - '0');
                if (dot) {
                    scale--;
                }
            } else if (ch == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
        }
        if (!any) {
            return Double.NaN;
        }
        if (i < b) {
            char ch = s.charAt(i);
            if (ch != 'e' && ch != 'E') {
                return Double.NaN;
            }
            i++;
            boolean negExp = false;
            if (i < b && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                negExp = s.charAt(i) == '-';
                i++;
            }
            if (i == b) {
                return Double.NaN;
            }
            int exp = 0;
            for (; i < b; i++) {
                ch = s.charAt(i);
                if (ch < '0' || ch > '9' || exp > 1000) {
                    return Double.NaN;
                }
                exp = exp * 10 + (ch - '0');
            }
            scale += negExp ? -exp : exp;
        }
        if (mantissa == 0) {
            return negative ? -0.0 : 0.0;
        }
        if (mantissa >= 1L << 53 || scale < -22 || scale > 22) {
            return Double.NaN;
        }
        double v = scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
        if (v > Float.MAX_VALUE) {
            return Double.NaN;
        }
        return negative ? -v : v;
    }

    private float number(String cell, int lineNo, int c, List<String> names) {
        double v = parse(cell);
        if (Double.isFinite(v) && Math.abs(v) <= Float.MAX_VALUE) {
            return (float) v;
        }
        String where = "line " + lineNo + ", column index " + c + column(names, c) + ": ";
        if (cell.isEmpty()) {
            throw fail(where + "the cell is empty; every feature needs a number");
        }
        if (nonFinite(cell) || Double.isInfinite(v)) {
            throw fail(where + "'" + cell + "' is not a finite number (NaN and infinite values are not allowed)");
        }
        if (Double.isFinite(v)) {
            throw fail(where + "'" + cell + "' is beyond the range of 32-bit floats (±3.4e38)");
        }
        throw fail(where + "'" + cell + "' is not a number");
    }

    private static String column(List<String> names, int c) {
        return names == null ? "" : " ('" + names.get(c) + "')";
    }

    private DclustException fail(String problem) {
        return new DclustException(file + ": " + problem);
    }
}
