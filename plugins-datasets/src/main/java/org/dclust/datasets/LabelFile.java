package org.dclust.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dclust.api.DclustException;
import org.dclust.api.data.Labels;

/**
 * A separate file of class labels, one per sample: a {@code .npy} array (recognised by its magic
 * string) or text with one label per non-blank line (integers or names, see {@link Labels#ofText});
 * either may be gzip or bzip2. A line spelling a missing value ({@link MissingValue}: NaN, NA, ...)
 * fails, naming the line, as a NaN in a .npy array does.
 */
final class LabelFile {
    private LabelFile() {
    }

    static Labels read(Path file) {
        try (InputStream in = DataFiles.open(file)) {
            in.mark(8);
            byte[] head = in.readNBytes(6);
            in.reset();
            if (NpyReader.isNpy(head)) {
                return Labels.ofValues(NpyReader.readLabels(in, file.toString(), true));
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            List<String> labels = new ArrayList<>();
            int lineNo = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                String s = line.strip();
                if (labels.isEmpty() && s.startsWith("\uFEFF")) {
                    s = s.substring(1);
                }
                if (!s.isEmpty() && MissingValue.is(s)) {
                    throw new DclustException(file + ": line " + lineNo + ": the label '" + s + "' is a missing value; "
                            + "every sample needs a label (one per line, in the order of the samples)");
                }
                if (!s.isEmpty()) {
                    labels.add(s);
                }
            }
            if (labels.isEmpty()) {
                throw new DclustException(file + ": holds no labels");
            }
            return Labels.ofText(labels.toArray(String[]::new), file.toString());
        } catch (IOException e) {
            throw DataFiles.problem(file, e);
        }
    }
}
