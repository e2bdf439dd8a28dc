package org.dclust.datasets;

import java.nio.file.Path;
import java.util.List;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.Citation;

/**
 * Dataset {@code stl10}: the 13,000 labelled STL-10 images (binary version), the 5,000 of
 * {@code train_X.bin}/{@code train_y.bin} then the 8,000 of {@code test_X.bin}/{@code test_y.bin},
 * 3×96×96, pixels in [0, 1], 10 classes (see {@link Stl10Reader}); the unlabelled images are not read.
 */
public final class Stl10Provider extends BaseDatasetProvider {
    static final String DIR = "dir";
    static final String OBTAIN = "download stl10_binary.tar.gz from https://cs.stanford.edu/~acoates/stl10/ and unpack it";
    static final Citation PAPER = new Citation("Adam Coates, Honglak Lee, Andrew Y. Ng",
            "An Analysis of Single-Layer Networks in Unsupervised Feature Learning", 2011, "AISTATS", "");

    public Stl10Provider() {
        super("stl10", PAPER,
                ParamSpec.text(DIR, null, "folder holding train_X.bin, train_y.bin, test_X.bin and test_y.bin (stl10_binary, or its parent); required"));
    }

    @Override
    public String title() {
        return "STL-10: 13,000 labelled 96×96 colour images in 10 classes";
    }

    @Override
    public String description() {
        return "The 5,000 training and 8,000 test images of STL-10 (binary version) concatenated, train first; 3×96×96, "
                + "pixels scaled to [0, 1], labels 1..10 shifted to 0..9; the 100,000 unlabelled images are not read. Files: "
                + "stl10_binary.tar.gz from https://cs.stanford.edu/~acoates/stl10/, unpacked; pass stl10.dir=DIR "
                + "(stl10_binary or its parent).";
    }

    @Override
    Dataset read(Params params) {
        List<Path> f = RequiredFiles.find(params.getString(DIR), params.owner() + "." + DIR, "STL-10", OBTAIN, "stl10_binary",
                "train_X.bin", "train_y.bin", "test_X.bin", "test_y.bin");
        byte[] trainY = DataFiles.readAll(f.get(1));
        byte[] testY = DataFiles.readAll(f.get(3));
        byte[] trainX = DataFiles.readAll(f.get(0));
        int nTrain = Stl10Reader.count(f.get(0), trainX, f.get(1), trainY);
        byte[] testX = DataFiles.readAll(f.get(2));
        int nTest = Stl10Reader.count(f.get(2), testX, f.get(3), testY);
        float[] values = new float[Math.multiplyExact(nTrain + nTest, Stl10Reader.IMAGE)];
        int[] labels = new int[nTrain + nTest];
        Stl10Reader.read(trainX, f.get(1), trainY, values, labels, 0);
        Stl10Reader.read(testX, f.get(3), testY, values, labels, nTrain);
        return new Dataset(name(), values, new int[] {3, Stl10Reader.SIDE, Stl10Reader.SIDE}, labels, 10);
    }
}
