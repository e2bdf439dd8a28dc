package org.dclust.datasets;

import java.nio.file.Path;
import java.util.List;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.Citation;

/**
 * Dataset {@code cifar10}: the 60,000 CIFAR-10 images (binary version), {@code data_batch_1..5.bin}
 * then {@code test_batch.bin}, 3×32×32, pixels in [0, 1], 10 classes, from {@code dir}
 * (see {@link CifarReader}, {@link RequiredFiles}).
 */
public final class Cifar10Provider extends BaseDatasetProvider {
    static final String DIR = "dir";
    static final List<String> FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
            "data_batch_5.bin", "test_batch.bin");
    static final String OBTAIN = "download cifar-10-binary.tar.gz from https://www.cs.toronto.edu/~kriz/cifar.html and unpack it";
    static final Citation PAPER = new Citation("Alex Krizhevsky", "Learning Multiple Layers of Features from Tiny Images", 2009,
            "Technical report, University of Toronto", "");

    public Cifar10Provider() {
        super("cifar10", PAPER,
                ParamSpec.text(DIR, null, "folder holding data_batch_1..5.bin and test_batch.bin (cifar-10-batches-bin, or its parent); required"));
    }

    @Override
    public String title() {
        return "CIFAR-10: 60,000 32×32 colour images in 10 classes";
    }

    @Override
    public String description() {
        return "The 50,000 training and 10,000 test images of CIFAR-10 (binary version) concatenated, training batches 1..5 "
                + "first; 3×32×32, pixels scaled to [0, 1]. Files: cifar-10-binary.tar.gz from "
                + "https://www.cs.toronto.edu/~kriz/cifar.html, unpacked; pass cifar10.dir=DIR (cifar-10-batches-bin or its parent).";
    }

    @Override
    Dataset read(Params params) {
        List<Path> files = RequiredFiles.find(params.getString(DIR), params.owner() + "." + DIR, "CIFAR-10", OBTAIN,
                "cifar-10-batches-bin", FILES.toArray(String[]::new));
        CifarReader.Images img = CifarReader.read(files, 1, 0, 10, "CIFAR-10");
        return new Dataset(name(), img.values(), new int[] {3, CifarReader.SIDE, CifarReader.SIDE}, img.labels(), 10);
    }
}
