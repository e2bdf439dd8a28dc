package org.dclust.datasets;

import org.dclust.api.spi.Citation;

/**
 * Dataset {@code mnist}: the 70,000 MNIST handwritten digits, train then t10k, 1×28×28, 10 classes,
 * read from {@code dir} (required: no Debian package holds MNIST).
 */
public final class MnistProvider extends IdxBenchmarkProvider {
    static final Citation PAPER = new Citation("Yann LeCun, Léon Bottou, Yoshua Bengio, Patrick Haffner",
            "Gradient-Based Learning Applied to Document Recognition", 1998, "Proceedings of the IEEE", "");

    public MnistProvider() {
        super("mnist", IdxSource.MNIST, PAPER);
    }

    @Override
    public String title() {
        return "MNIST: 70,000 28×28 grey images of handwritten digits in 10 classes";
    }

    @Override
    public String description() {
        return "The 60,000 training and 10,000 test images of MNIST (Yann LeCun, Corinna Cortes, Christopher Burges) "
                + "concatenated, train first; pixels scaled to [0, 1]. Files: the four IDX files "
                + "train-/t10k-images-idx3-ubyte.gz and train-/t10k-labels-idx1-ubyte.gz, raw or gzip, from "
                + "https://ossci-datasets.s3.amazonaws.com/mnist/ (the torchvision mirror of yann.lecun.com/exdb/mnist); "
                + "no Debian package holds them. Pass mnist.dir=DIR.";
    }
}
