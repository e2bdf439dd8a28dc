package org.dclust.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.Citation;

/**
 * Dataset {@code usps}: the 9,298 USPS handwritten digits, the 7,291 of train then the 2,007 of test,
 * 1×16×16, values in [0, 1], 10 classes, from {@code dir} holding either
 * <ul>
 *   <li>{@code usps.h5}, the common HDF5 distribution: datasets {@code /train/data} (N×256, in [0, 1])
 *       and {@code /train/target} (digits 0..9), and the same under {@code /test}; or
 *   <li>the LIBSVM files {@code usps} and {@code usps.t} (plain, .bz2 as LIBSVM serves them, or .gz):
 *       values in [−1, 1] mapped to [0, 1] by (v + 1)/2, labels 1..10 mapped to 0..9 by label − 1.
 * </ul>
 * {@code format=auto} takes {@code usps.h5} when present. Images are row-major 16×16.
 */
public final class UspsProvider extends BaseDatasetProvider {
    static final String DIR = "dir";
    static final String FORMAT = "format";
    static final int SIDE = 16;
    static final int FEATURES = SIDE * SIDE;
    static final String OBTAIN = "download usps.bz2 and usps.t.bz2 from https://www.csie.ntu.edu.tw/~cjlin/libsvmtools/datasets/multiclass.html#usps, "
            + "or usps.h5 from https://www.kaggle.com/datasets/bistaumanga/usps-dataset";
    static final Citation PAPER = new Citation("Jonathan J. Hull", "A Database for Handwritten Text Recognition Research", 1994,
            "IEEE Transactions on Pattern Analysis and Machine Intelligence 16(5)", "");

    public UspsProvider() {
        super("usps", PAPER,
                ParamSpec.text(DIR, null, "folder holding usps.h5, or the LIBSVM files usps and usps.t (plain, .bz2 or .gz); required"),
                ParamSpec.choice(FORMAT, "auto", List.of("auto", "h5", "libsvm"), "which files to read; auto: usps.h5 when present, else LIBSVM"));
    }

    @Override
    public String title() {
        return "USPS: 9,298 16×16 grey images of handwritten digits in 10 classes";
    }

    @Override
    public String description() {
        return "The 7,291 training and 2,007 test images of the USPS digits concatenated, train first; 1×16×16, values in [0, 1]. "
                + "Files: usps.h5 (HDF5, /train and /test with data and target; https://www.kaggle.com/datasets/bistaumanga/usps-dataset) "
                + "or the LIBSVM files usps.bz2 and usps.t.bz2 (https://www.csie.ntu.edu.tw/~cjlin/libsvmtools/datasets/multiclass.html#usps; "
                + "read compressed or not). Pass usps.dir=DIR.";
    }

    @Override
    Dataset read(Params params) {
        String dir = params.getString(DIR);
        String key = params.owner() + "." + DIR;
        String format = params.getString(FORMAT);
        if (format.equals("auto")) {
            format = dir != null && Files.isRegularFile(Path.of(dir).resolve("usps.h5")) ? "h5" : "libsvm";
        }
        float[] values;
        int[] labels;
        if (format.equals("h5")) {
            Path h5 = RequiredFiles.find(dir, key, "USPS", OBTAIN, null, "usps.h5").get(0);
            if (!h5.getFileName().toString().equals("usps.h5")) {
                throw new DclustException(h5 + ": HDF5 files are read uncompressed; unpack it to usps.h5");
            }
            try (Hdf5File f = Hdf5File.open(h5)) {
                float[][] parts = new float[2][];
                int[][] partLabels = new int[2][];
                String[] splits = {"/train", "/test"};
                for (int s = 0; s < 2; s++) {
                    String data = splits[s] + "/data";
                    String target = splits[s] + "/target";
                    int[] dims = f.dimensions(data);
                    if (dims.length != 2 || dims[1] != FEATURES) {
                        throw new DclustException(h5 + ", dataset " + data + ": has shape " + java.util.Arrays.toString(dims)
                                + ", expected N×256 (16×16 images)");
                    }
                    parts[s] = f.floats(data);
                    partLabels[s] = f.labels(target);
                    if (partLabels[s].length != dims[0]) {
                        throw new DclustException(h5 + ": " + data + " holds " + dims[0] + " images but " + target + " holds "
                                + partLabels[s].length + " labels: the counts must match");
                    }
                    checkLabels(partLabels[s], h5 + ", dataset " + target);
                }
                values = concat(parts[0], parts[1]);
                labels = concat(partLabels[0], partLabels[1]);
            }
        } else {
            List<Path> files = RequiredFiles.find(dir, key, "USPS", OBTAIN, null, "usps", "usps.t");
            LibsvmReader.Rows train = LibsvmReader.read(files.get(0), FEATURES, 1, 10);
            LibsvmReader.Rows test = LibsvmReader.read(files.get(1), FEATURES, 1, 10);
            values = concat(train.values(), test.values());
            labels = concat(train.labels(), test.labels());
            for (int i = 0; i < values.length; i++) {
                values[i] = (values[i] + 1) / 2;
            }
            for (int i = 0; i < labels.length; i++) {
                labels[i] -= 1;
            }
        }
        return new Dataset(name(), values, new int[] {1, SIDE, SIDE}, labels, 10);
    }

    private static void checkLabels(int[] labels, String source) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] > 9) {
                throw new DclustException(source + ": label " + labels[i] + " of record " + i + " is outside 0..9; is this really USPS?");
            }
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
