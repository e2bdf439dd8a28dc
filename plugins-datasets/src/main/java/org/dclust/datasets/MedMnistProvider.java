package org.dclust.datasets;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.Citation;

/**
 * Dataset {@code medmnist}: one MedMNIST {@code .npz} file (PneumoniaMNIST, BreastMNIST, BloodMNIST,
 * VesselMNIST3D…) with its arrays {@code train_images}/{@code train_labels}, {@code val_*} and
 * {@code test_*}, all three splits concatenated in that order. Images of shape (N, H, W) become
 * 1×H×W samples, (N, H, W, 3) colour images 3×H×W, and (N, D, H, W) volumes 1×D×H×W; unsigned-byte
 * pixels are scaled to [0, 1]. Labels are (N, 1) class numbers; multi-label sets (ChestMNIST) are
 * refused. The classes are the distinct labels present.
 */
public final class MedMnistProvider extends BaseDatasetProvider {
    static final String PATH = "path";
    static final List<String> SPLITS = List.of("train", "val", "test");
    static final Citation PAPER = new Citation("Jiancheng Yang, Rui Shi, Donglai Wei, Zequan Liu, Lin Zhao, Bilian Ke, Hanspeter Pfister, Bingbing Ni",
            "MedMNIST v2 - A large-scale lightweight benchmark for 2D and 3D biomedical image classification", 2023, "Scientific Data",
            "2110.14795");

    public MedMnistProvider() {
        super("medmnist", PAPER,
                ParamSpec.text(PATH, null, "a MedMNIST .npz file, e.g. bloodmnist.npz or vesselmnist3d.npz; required"));
    }

    @Override
    public String title() {
        return "MedMNIST: a 2-D or 3-D biomedical image set from its .npz file, all splits";
    }

    @Override
    public String description() {
        return "One MedMNIST data set (PneumoniaMNIST, BreastMNIST, BloodMNIST, VesselMNIST3D, ... as R-DC uses them) from its "
                + ".npz file, train, val and test concatenated; grey 1×H×W, colour 3×H×W or 3-D 1×D×H×W, pixels in [0, 1]. "
                + "Files: https://zenodo.org/records/10519652 (or `pip install medmnist` downloads them to ~/.medmnist; "
                + "CC BY 4.0, CC BY-NC 4.0 for some sets). Pass medmnist.path=FILE.";
    }

    @Override
    Dataset read(Params params) {
        String p = params.getString(PATH);
        if (p == null) {
            throw new DclustException(params.owner() + "." + PATH + " is not set; give a MedMNIST .npz file (e.g. bloodmnist.npz from "
                    + "https://zenodo.org/records/10519652)");
        }
        Path file = Path.of(p);
        try (NpzArchive npz = NpzArchive.open(file)) {
            for (String s : SPLITS) {
                for (String part : List.of("_images", "_labels")) {
                    if (!npz.has(s + part)) {
                        throw new DclustException(file + ": has no array " + s + part + " (it holds: " + String.join(", ", npz.names())
                                + "); is it a MedMNIST file?");
                    }
                }
            }
            NpyReader.Header[] headers = new NpyReader.Header[3];
            long total = 0;
            for (int s = 0; s < 3; s++) {
                headers[s] = npz.header(SPLITS.get(s) + "_images");
                int[] a = headers[s].shape();
                int[] ref = headers[0].shape();
                if (a.length < 3 || a.length > 4) {
                    throw new DclustException(npz.source(SPLITS.get(s) + "_images") + ": has shape " + headers[s].shapeText()
                            + "; expected (N, H, W), (N, H, W, 3) or (N, D, H, W)");
                }
                if (!Arrays.equals(a, 1, a.length, ref, 1, ref.length)) {
                    throw new DclustException(npz.source(SPLITS.get(s) + "_images") + ": images of shape " + headers[s].shapeText()
                            + " do not match those of " + npz.source("train_images") + ", " + headers[0].shapeText());
                }
                if (!headers[s].descr().equals(headers[0].descr())) {
                    throw new DclustException(npz.source(SPLITS.get(s) + "_images") + ": holds '" + headers[s].descr()
                            + "' values, but " + npz.source("train_images") + " holds '" + headers[0].descr() + "'");
                }
                total += headers[s].elements();
            }
            if (total > Integer.MAX_VALUE - 8) {
                throw new DclustException(file + ": " + total + " pixels are too many for one array (over 2^31 values)");
            }
            float[] values = new float[(int) total];
            int[] labels = new int[0];
            int off = 0;
            for (int s = 0; s < 3; s++) {
                String split = SPLITS.get(s);
                NpyReader.Header h = npz.floatsInto(split + "_images", values, off);
                int[] l = npz.labels(split + "_labels");
                if (l.length != h.shape()[0]) {
                    throw new DclustException(npz.source(split + "_labels") + ": holds " + l.length + " labels but "
                            + npz.source(split + "_images") + " holds " + h.shape()[0] + " images: the counts must match");
                }
                labels = concat(labels, l);
                off += (int) h.elements();
            }
            int[] shape = headers[0].shape();
            boolean colour = shape.length == 4 && shape[3] == 3;
            int[] sampleShape = colour ? new int[] {3, shape[1], shape[2]} : shape.length == 4
                    ? new int[] {1, shape[1], shape[2], shape[3]} : new int[] {1, shape[1], shape[2]};
            if (colour) {
                toChannelsFirst(values, shape[1] * shape[2]);
            }
            if (headers[0].kind() == 'u' && headers[0].width() == 1) {
                for (int i = 0; i < values.length; i++) {
                    values[i] /= 255f;
                }
            }
            return new Dataset(FeaturesProvider.stem(file), values, sampleShape, labels, 0);
        }
    }

    /** Rearranges every image of {@code pixels} H·W pixels from H×W×3 to 3×H×W, in place. */
    static void toChannelsFirst(float[] values, int pixels) {
        float[] tmp = new float[3 * pixels];
        for (int off = 0; off < values.length; off += 3 * pixels) {
            for (int p = 0; p < pixels; p++) {
                for (int c = 0; c < 3; c++) {
                    tmp[c * pixels + p] = values[off + 3 * p + c];
                }
            }
            System.arraycopy(tmp, 0, values, off, 3 * pixels);
        }
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
