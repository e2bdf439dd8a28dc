package org.dclust.framework.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dclust.api.DclustException;

/**
 * Reads a file of labels for {@code dclust evaluate}. Two layouts are accepted: one integer per line,
 * or CSV (comma- or tab-separated) whose first row is a header. Beside an optional index column, a
 * CSV holds one column of labels: its only other column, or the only other one named {@code label},
 * {@code cluster}, {@code pred} or {@code y} (ignoring case); a file with several such names, or with
 * several columns and none of these names, is ambiguous and refused, listing its columns (issue 13:
 * when input is ambiguous, stop and say so). A file whose first line is an integer is read as one
 * label per line.
 * Blank lines at the end are ignored; any other blank line or non-integer cell is an error.
 *
 * <p>A CSV may also have an index column: one named {@code index} (as dclust's
 * {@code assignments.csv} and {@code predict} output have), or an unnamed first column (as
 * pandas' {@code to_csv} writes its index). Its integers say which sample each row labels, so its rows
 * may come in any order; {@link #aligned} pairs two files' labels by it.
 */
public final class LabelFiles {
    private static final List<String> LABEL_COLUMNS = List.of("label", "cluster", "pred", "y");
    private static final String INDEX_COLUMN = "index";

    /**
     * The rows of a label file.
     *
     * @param labels the label of each row, in file order
     * @param index the sample index of each row, from its index column; null when it has none
     * @param lines the 1-based line of each row, for messages
     */
    public record Rows(Path file, int[] labels, long[] index, int[] lines) {
    }

    /** Two files' labels of the same samples, in the same order. */
    public record Aligned(int[] truth, int[] predicted) {
    }

    private LabelFiles() {
    }

    /**
     * Reads the labels in a file, in file order (an index column is not used).
     *
     * @throws DclustException if the file does not exist or cannot be read, holds no labels, or has a
     *     blank line or a non-integer cell (the message names the file and the 1-based line)
     */
    public static int[] read(Path file) {
        return rows(file).labels();
    }

    /**
     * Reads the truth and the predicted labels and pairs them by sample: by the index column when
     * either file has one (a file without one labels samples 0, 1, … in row order), else by row.
     *
     * @throws DclustException as {@link #rows}, or when a file names a sample twice, or the two files
     *     do not label the same samples (the message names the file, the index and its line)
     */
    public static Aligned aligned(Path truth, Path predicted) {
        Rows t = rows(truth);
        Rows p = rows(predicted);
        if (t.index() == null && p.index() == null) {
            return new Aligned(t.labels(), p.labels());
        }
        Map<Long, Integer> predRow = positions(p);
        Map<Long, Integer> truthRow = positions(t);
        int[] paired = new int[t.labels().length];
        for (int i = 0; i < paired.length; i++) {
            long index = indexOf(t, i);
            Integer j = predRow.get(index);
            if (j == null) {
                throw new DclustException("label file " + t.file() + " labels sample " + index + " (line " + t.lines()[i] + "), but "
                        + p.file() + " does not" + hint(p) + "; both files must label the same samples");
            }
            paired[i] = p.labels()[j];
        }
        if (predRow.size() > truthRow.size()) {
            for (int j = 0; j < p.labels().length; j++) {
                if (!truthRow.containsKey(indexOf(p, j))) {
                    throw new DclustException("label file " + p.file() + " labels sample " + indexOf(p, j) + " (line " + p.lines()[j]
                            + "), but " + t.file() + " does not" + hint(t) + "; both files must label the same samples");
                }
            }
        }
        return new Aligned(t.labels(), paired);
    }

    /** Row of each sample index; a sample named twice is an error. */
    private static Map<Long, Integer> positions(Rows r) {
        Map<Long, Integer> at = new HashMap<>();
        for (int i = 0; i < r.labels().length; i++) {
            Integer earlier = at.putIfAbsent(indexOf(r, i), i);
            if (earlier != null) {
                throw new DclustException("label file " + r.file() + ": index " + indexOf(r, i) + " appears twice (lines "
                        + r.lines()[earlier] + " and " + r.lines()[i] + "); each sample must be labelled once");
            }
        }
        return at;
    }

    private static long indexOf(Rows r, int row) {
        return r.index() == null ? row : r.index()[row];
    }

    private static String hint(Rows r) {
        return r.index() == null ? " (it has no index column: its " + r.labels().length + " rows label samples 0 to "
                + (r.labels().length - 1) + ")" : "";
    }

    /**
     * Reads the rows of a label file (see the class comment).
     *
     * @throws DclustException if the file does not exist or cannot be read, holds no labels, or has a
     *     blank line or a non-integer cell (the message names the file and the 1-based line)
     */
    public static Rows rows(Path file) {
        if (!Files.exists(file)) {
            throw new DclustException("label file " + file + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new DclustException("label file " + file + " is a directory, not a file");
        }
        List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DclustException("cannot read label file " + file + ": " + e.getMessage(), e);
        }
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        if (end == 0) {
            throw new DclustException("label file " + file + " is empty");
        }
        lines.set(0, lines.get(0).replace("\uFEFF", ""));
        String first = lines.get(0).strip();
        boolean plain = isInteger(first);
        char separator = !plain && first.indexOf(',') < 0 && first.indexOf('\t') >= 0 ? '\t' : ',';
        int column = -1;
        int indexColumn = -1;
        int start = 0;
        if (!plain) {
            String[] header = split(first, separator);
            for (int c = 0; c < header.length && indexColumn < 0; c++) {
                if (header[c].equalsIgnoreCase(INDEX_COLUMN) || c == 0 && header[c].isEmpty() && header.length > 1) {
                    indexColumn = c;
                }
            }
            column = labelColumn(file, header, indexColumn);
            start = 1;
            if (end == 1) {
                throw new DclustException("label file " + file + " has a header row but no labels");
            }
        }
        int[] labels = new int[end - start];
        long[] index = indexColumn < 0 ? null : new long[end - start];
        int[] lineNumbers = new int[end - start];
        for (int i = start; i < end; i++) {
            lineNumbers[i - start] = i + 1;
            String cell = plain ? lines.get(i).strip() : cell(file, lines.get(i), i + 1, separator, column);
            labels[i - start] = parse(file, cell, i + 1);
            if (index != null) {
                index[i - start] = parseIndex(file, cell(file, lines.get(i), i + 1, separator, indexColumn), i + 1);
            }
        }
        return new Rows(file, labels, index, lineNumbers);
    }

    /**
     * The one column of labels beside the index column: the only other column, or the only other
     * column with a known name; several known names, or several columns none of them known, are
     * ambiguous and refused.
     */
    private static int labelColumn(Path file, String[] header, int indexColumn) {
        List<Integer> others = new ArrayList<>();
        List<Integer> known = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            if (c != indexColumn) {
                others.add(c);
                if (LABEL_COLUMNS.contains(header[c].toLowerCase(Locale.ROOT))) {
                    known.add(c);
                }
            }
        }
        if (others.isEmpty()) {
            throw new DclustException("label file " + file + " has an index column but no column of labels; name one "
                    + String.join(", ", LABEL_COLUMNS) + " in its header");
        }
        if (others.size() == 1) {
            return others.get(0);
        }
        if (known.size() == 1) {
            return known.get(0);
        }
        List<String> names = new ArrayList<>();
        for (int c : known) {
            names.add("'" + header[c] + "'");
        }
        String choices = String.join(", ", LABEL_COLUMNS.subList(0, LABEL_COLUMNS.size() - 1)) + " or "
                + LABEL_COLUMNS.get(LABEL_COLUMNS.size() - 1);
        throw new DclustException("label file " + file + " has the columns " + String.join(", ", Arrays.stream(header).map(h -> h.isEmpty() ? "(unnamed)" : h).toList())
                + ": which one holds the labels? " + (known.isEmpty() ? "none is named " + choices
                        : String.join(" and ", names) + " all have a label column's name")
                + "; keep only the column of labels (an index column may stay beside it), or name it " + choices
                + (known.isEmpty() ? "" : " and rename the others"));
    }

    private static String cell(Path file, String line, int lineNumber, char separator, int column) {
        if (line.isBlank()) {
            return "";
        }
        String[] cells = split(line, separator);
        if (column >= cells.length) {
            throw new DclustException("label file " + file + ", line " + lineNumber + ": has " + cells.length
                    + " columns but the label column is column " + (column + 1));
        }
        return cells[column];
    }

    private static String[] split(String line, char separator) {
        String[] cells = line.split(String.valueOf(separator), -1);
        for (int c = 0; c < cells.length; c++) {
            String s = cells[c].strip();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1).strip();
            }
            cells[c] = s;
        }
        return cells;
    }

    private static int parse(Path file, String cell, int lineNumber) {
        if (cell.isEmpty()) {
            throw new DclustException("label file " + file + ", line " + lineNumber + ": the label is blank");
        }
        if (!isInteger(cell)) {
            throw new DclustException("label file " + file + ", line " + lineNumber + ": '" + cell
                    + "' is not an integer label");
        }
        return Integer.parseInt(cell);
    }

    private static long parseIndex(Path file, String cell, int lineNumber) {
        try {
            return Long.parseLong(cell);
        } catch (NumberFormatException e) {
            throw new DclustException("label file " + file + ", line " + lineNumber + ": the index '" + cell
                    + "' is not an integer; the index column names each row's sample by its number");
        }
    }

    private static boolean isInteger(String s) {
        try {
            Integer.parseInt(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
