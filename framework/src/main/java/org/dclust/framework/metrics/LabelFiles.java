package org.dclust.framework.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dclust.api.DclustException;

/**
 * Reads a file of labels for {@code dclust evaluate}. Two layouts are accepted: one integer per line,
 * or CSV (comma- or tab-separated) whose first row is a header; from CSV the column named
 * {@code label}, {@code cluster}, {@code pred} or {@code y} (first found, in that order, ignoring case)
 * is read, else the last column. A file whose first line is an integer is read as one label per line.
 * Blank lines at the end are ignored; any other blank line or non-integer cell is an error.
 */
public final class LabelFiles {
    private static final List<String> LABEL_COLUMNS = List.of("label", "cluster", "pred", "y");

    private LabelFiles() {
    }

    /**
     * Reads the labels in a file.
     *
     * @throws DclustException if the file does not exist or cannot be read, holds no labels, or has a
     *     blank line or a non-integer cell (the message names the file and the 1-based line)
     */
    public static int[] read(Path file) {
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
        int start = 0;
        if (!plain) {
            String[] header = split(first, separator);
            column = header.length - 1;
            outer:
            for (String wanted : LABEL_COLUMNS) {
                for (int c = 0; c < header.length; c++) {
                    if (header[c].toLowerCase(Locale.ROOT).equals(wanted)) {
                        column = c;
                        break outer;
                    }
                }
            }
            start = 1;
            if (end == 1) {
                throw new DclustException("label file " + file + " has a header row but no labels");
            }
        }
        int[] labels = new int[end - start];
        for (int i = start; i < end; i++) {
            String cell = plain ? lines.get(i).strip() : cell(file, lines.get(i), i + 1, separator, column);
            labels[i - start] = parse(file, cell, i + 1);
        }
        return labels;
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

    private static boolean isInteger(String s) {
        try {
            Integer.parseInt(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
