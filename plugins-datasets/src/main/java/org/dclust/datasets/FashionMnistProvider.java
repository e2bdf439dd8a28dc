package org.dclust.datasets;

import org.dclust.api.spi.Citation;

/**
 * Dataset {@code fashion-mnist}: the 70,000 Fashion-MNIST images, train then t10k, 1×28×28, 10
 * classes, read from {@code dir}, by default where the Debian package {@code dataset-fashion-mnist}
 * installs them.
 */
public final class FashionMnistProvider extends IdxBenchmarkProvider {
    /** Where {@code apt-get install dataset-fashion-mnist} puts the files. */
    static final String DEFAULT_DIR = IdxSource.FASHION_MNIST.defaultDir();
    static final Citation PAPER = new Citation("Han Xiao, Kashif Rasul, Roland Vollgraf",
            "Fashion-MNIST: a Novel Image Dataset for Benchmarking Machine Learning Algorithms", 2017, "arXiv", "1708.07747");

    public FashionMnistProvider() {
        super("fashion-mnist", IdxSource.FASHION_MNIST, PAPER);
    }

    @Override
    public String title() {
        return "Fashion-MNIST: 70,000 28×28 grey images of clothing in 10 classes";
    }

    @Override
    public String description() {
        return "The 60,000 training and 10,000 test images of Fashion-MNIST (Zalando Research, MIT licence) "
                + "concatenated, train first, as in the deep-clustering papers; pixels scaled to [0, 1]. Files: "
                + "the Debian package dataset-fashion-mnist (apt-get install dataset-fashion-mnist) puts them in "
                + DEFAULT_DIR + "; or download them from https://github.com/zalandoresearch/fashion-mnist and pass "
                + "fashion-mnist.dir=DIR.";
    }
}
