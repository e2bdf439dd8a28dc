package org.dclust.datasets;

import java.util.ArrayList;
import java.util.List;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.Citation;

/**
 * Dataset {@code 2mnist} of the DCSS paper: the 70,000 MNIST images followed by the 70,000
 * Fashion-MNIST images (each train then t10k), 1×28×28, 20 classes: the MNIST digits keep labels
 * 0..9 and the Fashion-MNIST classes become 10..19. All four image files are read into one array.
 */
public final class TwoMnistProvider extends BaseDatasetProvider {
    static final String MNIST_DIR = "mnistDir";
    static final String FASHION_DIR = "fashionDir";
    static final Citation PAPER = new Citation("Mohammadreza Sadeghi, Narges Armanfard",
            "Deep Clustering with Self-Supervision using Pairwise Similarities", 2024, "arXiv", "2405.03590");

    public TwoMnistProvider() {
        super("2mnist", PAPER,
                ParamSpec.text(MNIST_DIR, null, "directory holding the MNIST " + IdxSource.FILES + "; required"),
                ParamSpec.text(FASHION_DIR, IdxSource.FASHION_MNIST.defaultDir(), "directory holding the Fashion-MNIST "
                        + IdxSource.FILES));
    }

    @Override
    public String title() {
        return "2MNIST: MNIST and Fashion-MNIST together, 140,000 28×28 grey images in 20 classes";
    }

    @Override
    public String description() {
        return "MNIST (labels 0..9) followed by Fashion-MNIST (labels shifted to 10..19), each train then t10k, as in "
                + "the DCSS paper; pixels scaled to [0, 1]. Files: the MNIST IDX files from "
                + "https://ossci-datasets.s3.amazonaws.com/mnist/ (2mnist.mnistDir=DIR, required) and the Fashion-MNIST "
                + "ones from the Debian package dataset-fashion-mnist in " + IdxSource.FASHION_MNIST.defaultDir()
                + " or https://github.com/zalandoresearch/fashion-mnist (2mnist.fashionDir=DIR).";
    }

    @Override
    Dataset read(Params params) {
        String mnistDir = params.getString(MNIST_DIR);
        String fashionDir = params.getString(FASHION_DIR);
        List<IdxDirectory.Group> groups = new ArrayList<>(IdxSource.MNIST.pairs(mnistDir, name() + "." + MNIST_DIR));
        groups.addAll(IdxSource.FASHION_MNIST.pairs(fashionDir, name() + "." + FASHION_DIR));
        IdxData all = IdxDirectory.read(groups);
        int mnistCount = all.fileCounts()[0] + all.fileCounts()[1];
        int[] labels = all.labels();
        IdxSource.MNIST.checkLabels(labels, 0, mnistCount, mnistDir);
        IdxSource.FASHION_MNIST.checkLabels(labels, mnistCount, labels.length, fashionDir);
        for (int i = mnistCount; i < labels.length; i++) {
            labels[i] += IdxSource.CLASSES;
        }
        return new Dataset(name(), all.pixels(), new int[] {1, all.rows(), all.cols()}, labels, 2 * IdxSource.CLASSES);
    }
}
