package org.dclust.datasets;

import org.dclust.api.spi.Citation;

/**
 * Dataset {@code kmnist}: the 70,000 Kuzushiji-MNIST images of cursive Japanese characters, train then
 * t10k, 1×28×28, 10 classes, read from {@code dir} (required).
 */
public final class KmnistProvider extends IdxBenchmarkProvider {
    static final Citation PAPER = new Citation(
            "Tarin Clanuwat, Mikel Bober-Irizar, Asanobu Kitamoto, Alex Lamb, Kazuaki Yamamoto, David Ha",
            "Deep Learning for Classical Japanese Literature", 2018, "NeurIPS Workshop on Machine Learning for Creativity and Design",
            "1812.01718");

    public KmnistProvider() {
        super("kmnist", IdxSource.KMNIST, PAPER);
    }

    @Override
    public String title() {
        return "KMNIST: 70,000 28×28 grey images of cursive Japanese (Kuzushiji) characters in 10 classes";
    }

    @Override
    public String description() {
        return "The 60,000 training and 10,000 test images of Kuzushiji-MNIST (ROIS-DS Center for Open Data in the "
                + "Humanities, CC BY-SA 4.0) concatenated, train first; pixels scaled to [0, 1]. Files: the four IDX files "
                + "train-/t10k-images-idx3-ubyte.gz and train-/t10k-labels-idx1-ubyte.gz from "
                + "http://codh.rois.ac.jp/kmnist/dataset/kmnist/ (https://github.com/rois-codh/kmnist); no Debian package "
                + "holds them. Pass kmnist.dir=DIR.";
    }
}
