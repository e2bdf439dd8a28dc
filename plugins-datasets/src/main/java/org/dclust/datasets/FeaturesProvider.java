package org.dclust.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.data.Labels;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;

/**
 * Dataset {@code features}: a matrix of features exported from another tool (SimCLR or MoCo
 * embeddings, say), one sample per row, from {@code path}: a CSV file ({@link CsvReader}), a NumPy
 * {@code .npy} array ({@link NpyReader}; N×D, or N×… for samples of any shape) or a {@code .npz}
 * archive ({@link NpzArchive}) whose arrays {@code x} and {@code y} hold features and labels. The
 * format is told by the file's first bytes; CSV and .npy may be gzip or bzip2. Labels come from a
 * CSV column ({@code label}), the .npz array {@code y}, or a separate file ({@code labels},
 * {@link LabelFile}); without any the data set is unlabelled.
 */
public final class FeaturesProvider extends BaseDatasetProvider {
    static final String PATH = "path";
    static final String LABELS = "labels";
    static final String LABEL = "label";
    static final String HEADER = "header";
    static final String DELIMITER = "delimiter";
    static final String X = "x";
    static final String Y = "y";

    public FeaturesProvider() {
        super("features", null,
                ParamSpec.text(PATH, null, "the features: a CSV, .npy or .npz file (CSV and .npy may be .gz or .bz2); required"),
                ParamSpec.text(LABELS, null, "a separate labels file, one label per sample: text (one per line) or .npy"),
                ParamSpec.text(LABEL, null, "CSV only: the label column, by header name or index from 0; unset = no label column"),
                ParamSpec.choice(HEADER, "auto", List.of("auto", "yes", "no"),
                        "CSV only: whether the first line is a header (auto: when one of its feature cells is not a number; "
                                + "a first line of column numbers 0,1,... or 1,2,... is ambiguous and refused under auto)"),
                ParamSpec.choice(DELIMITER, "auto", List.of("auto", "comma", "semicolon", "tab", "space"),
                        "CSV only: the cell delimiter (auto: the most frequent of comma, tab, semicolon on the first line, else spaces)"),
                ParamSpec.text(X, null, ".npz only: the array of features; unset = x, or the archive's only array"),
                ParamSpec.text(Y, null, ".npz only: the array of labels; unset = y when the archive has one"));
    }

    @Override
    public String title() {
        return "Feature vectors from a CSV, .npy or .npz file";
    }

    @Override
    public String description() {
        return "Features exported from other tools (for example SimCLR or MoCo embeddings), one sample per row, from your own "
                + "file: CSV (with or without header; labels in a column named by label=NAME or label=INDEX), NumPy .npy "
                + "(N×D float32, float64 or integers) or .npz (arrays x and y, or as named by x= and y=); a separate "
                + "labels file (labels=FILE, text or .npy) works with each. Labels may be integers or class names.";
    }

    @Override
    Dataset read(Params params) {
        String pathText = params.getString(PATH);
        if (pathText == null) {
            throw new DclustException(params.owner() + "." + PATH + " is not set; give a CSV, .npy or .npz file of features, "
                    + "for example --set " + params.owner() + "." + PATH + "=embeddings.npy");
        }
        Path path = Path.of(pathText);
        DataFiles.requireFile(path);
        String format = format(path);
        if (!format.equals("csv") && params.getString(LABEL) != null) {
            throw new DclustException(params.owner() + "." + LABEL + " names a CSV column, but " + path + " is a ." + format
                    + " file; " + (format.equals("npz") ? "use " + params.owner() + ".y" : "use " + params.owner() + ".labels"));
        }
        if (!format.equals("npz") && (params.getString(X) != null || params.getString(Y) != null)) {
            throw new DclustException(params.owner() + ".x and .y name arrays of a .npz archive, but " + path + " is a ."
                    + format + " file");
        }
        float[] values;
        int[] sampleShape;
        Labels labels = null;
        switch (format) {
            case "csv": {
                CsvReader.Table t = new CsvReader(path, params.getString(HEADER), params.getString(DELIMITER), params.getString(LABEL), params.owner()).read();
                values = t.values();
                sampleShape = new int[] {t.cols()};
                labels = t.labels() == null ? null : Labels.ofText(t.labels(), path + ", column " + params.getString(LABEL));
                break;
            }
            case "npy": {
                NpyReader.Floats a;
                try (InputStream in = DataFiles.open(path)) {
                    a = NpyReader.readFloats(in, path.toString(), true);
                } catch (IOException e) {
                    throw DataFiles.problem(path, e);
                }
                values = a.values();
                sampleShape = sampleShape(a.header(), path.toString());
                break;
            }
            default: {
                try (NpzArchive npz = NpzArchive.open(path)) {
                    String x = params.getString(X);
                    if (x == null) {
                        x = npz.has("x") ? "x" : npz.names().size() == 1 ? npz.names().get(0) : null;
                        if (x == null) {
                            throw new DclustException(path + ": which array holds the features? it has no array x; set "
                                    + params.owner() + ".x to one of: " + String.join(", ", npz.names()));
                        }
                    }
                    NpyReader.Floats a = npz.floats(x);
                    values = a.values();
                    sampleShape = sampleShape(a.header(), npz.source(x));
                    String y = params.getString(Y);
                    if (y == null && npz.has("y") && !x.equals("y")) {
                        y = "y";
                    }
                    if (y != null) {
                        labels = Labels.ofValues(npz.labels(y));
                        if (labels.size() != a.header().shape()[0]) {
                            throw new DclustException(npz.source(y) + ": holds " + labels.size() + " labels but " + npz.source(x)
                                    + " holds " + a.header().shape()[0] + " samples: the counts must match");
                        }
                    }
                }
            }
        }
        int samples = values.length / Math.max(1, Arrays.stream(sampleShape).reduce(1, (p, q) -> p * q));
        String labelsFile = params.getString(LABELS);
        if (labelsFile != null) {
            if (labels != null) {
                throw new DclustException(path + ": labels come from " + (format.equals("csv") ? "its column " + params.getString(LABEL)
                        : "its array y") + " and from " + params.owner() + "." + LABELS + " = " + labelsFile + "; give one of them");
            }
            Path lf = Path.of(labelsFile);
            DataFiles.requireFile(lf);
            labels = LabelFile.read(lf);
            if (labels.size() != samples) {
                throw new DclustException(lf + ": holds " + labels.size() + " labels but " + path + " holds " + samples
                        + " samples: the counts must match");
            }
        }
        if (samples == 0) {
            throw new DclustException(path + ": holds no samples");
        }
        return new Dataset(stem(path), values, sampleShape, labels);
    }

    /**
     * "npz" (a zip archive on disk), "npy" (after decompression) or "csv", by the first bytes; a file
     * named .npy or .npz without the matching magic bytes fails rather than being read as text.
     */
    private static String format(Path path) {
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.(gz|bz2)$", "");
        try (InputStream raw = Files.newInputStream(path)) {
            byte[] head = raw.readNBytes(4);
            if (head.length == 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6)) {
                return "npz";
            }
        } catch (IOException e) {
            throw DataFiles.problem(path, e);
        }
        if (name.endsWith(".npz")) {
            throw new DclustException(path + ": not a .npz file: it does not start with the zip signature PK\\x03\\x04");
        }
        try (InputStream in = DataFiles.open(path)) {
            byte[] head = in.readNBytes(6);
            if (NpyReader.isNpy(head)) {
                return "npy";
            }
            if (name.endsWith(".npy")) {
                throw new DclustException(path + (head.length == 0 ? ": truncated: the file is empty"
                        : ": not a .npy file: it does not start with the magic string \\x93NUMPY"));
            }
            return "csv";
        } catch (IOException e) {
            throw DataFiles.problem(path, e);
        }
    }

    /** The shape of one record: the dimensions after the first, or [1] for a vector of scalars. */
    private static int[] sampleShape(NpyReader.Header h, String source) {
        int[] s = h.shape();
        for (int i = 1; i < s.length; i++) {
            if (s[i] == 0) {
                throw new DclustException(source + ": the shape " + h.shapeText() + " gives samples of no values");
            }
        }
        return s.length == 1 ? new int[] {1} : Arrays.copyOfRange(s, 1, s.length);
    }

    /** The file name without its extensions (.csv, .npy, .npz, .txt, .gz, .bz2). */
    static String stem(Path path) {
        String n = path.getFileName().toString();
        String s = n.replaceFirst("(?i)(\\.(csv|tsv|txt|npy|npz))?(\\.(gz|bz2))?$", "");
        return s.isEmpty() ? n : s;
    }
}
