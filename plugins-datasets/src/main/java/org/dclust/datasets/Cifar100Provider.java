package org.dclust.datasets;

import java.nio.file.Path;
import java.util.List;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.Citation;

/**
 * Dataset {@code cifar100-20}: the 60,000 CIFAR-100 images (binary version), {@code train.bin} then
 * {@code test.bin}, 3×32×32, labelled by their 20 coarse superclasses (the first label byte of each
 * record; the fine label, the second, is ignored), as the deep-clustering papers use CIFAR-100.
 */
public final class Cifar100Provider extends BaseDatasetProvider {
    static final String DIR = "dir";
    static final String OBTAIN = "download cifar-100-binary.tar.gz from https://www.cs.toronto.edu/~kriz/cifar.html and unpack it";

    public Cifar100Provider() {
        super("cifar100-20", Cifar10Provider.PAPER,
                ParamSpec.text(DIR, null, "folder holding train.bin and test.bin (cifar-100-binary, or its parent); required"));
    }

    @Override
    public String title() {
        return "CIFAR-100-20: 60,000 32×32 colour images in the 20 CIFAR-100 superclasses";
    }

    @Override
    public String description() {
        return "The 50,000 training and 10,000 test images of CIFAR-100 (binary version) concatenated, train first, labelled "
                + "by the 20 coarse superclasses; 3×32×32, pixels scaled to [0, 1]. Files: cifar-100-binary.tar.gz from "
                + "https://www.cs.toronto.edu/~kriz/cifar.html, unpacked; pass cifar100-20.dir=DIR (cifar-100-binary or its parent).";
    }

    @Override
    Dataset read(Params params) {
        List<Path> files = RequiredFiles.find(params.getString(DIR), params.owner() + "." + DIR, "CIFAR-100", OBTAIN,
                "cifar-100-binary", "train.bin", "test.bin");
        CifarReader.Images img = CifarReader.read(files, 2, 0, 20, "CIFAR-100");
        return new Dataset(name(), img.values(), new int[] {3, CifarReader.SIDE, CifarReader.SIDE}, img.labels(), 20);
    }
}
