package org.dclust.datasets;

import java.io.InputStream;
import java.util.List;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.Citation;

/**
 * Dataset {@code fashion-mnist-small}, the embedded default: 3,000 Fashion-MNIST images, 300 per
 * class, 1×28×28, 10 classes, read from a gzip IDX pair on the classpath, so it needs no files.
 *
 * <p>They are exactly the samples {@code fashion-mnist} gives with {@code n=3000},
 * {@code subset=stratified}, {@code subsetSeed=0}: the stratified rule of the shared subset parameters
 * (per class, a {@code java.util.Random(0)} shuffle of its samples among all 70,000, train then
 * t10k, the first 300 taken, original order kept), not the first 300 of each class.
 * {@code scripts/make-fashion-mnist-small.py} built them, replaying that rule; the resource folder's
 * README.md gives the checksums and the MIT licence of Fashion-MNIST (Zalando Research). Takes the
 * shared parameters of {@link org.dclust.api.data.DatasetParams} too.
 */
public final class FashionMnistSmallProvider extends BaseDatasetProvider {
    static final String RESOURCE_DIR = "fashion-mnist-small/";
    static final String IMAGES = RESOURCE_DIR + "fashion-mnist-small-images-idx3-ubyte.gz";
    static final String LABELS = RESOURCE_DIR + "fashion-mnist-small-labels-idx1-ubyte.gz";

    public FashionMnistSmallProvider() {
        super("fashion-mnist-small", FashionMnistProvider.PAPER);
    }

    @Override
    public String title() {
        return "Embedded default: 3,000 Fashion-MNIST images, 300 per class";
    }

    @Override
    public String description() {
        return "A stratified subset of Fashion-MNIST shipped inside dclust, so a run needs no download: 3,000 of the 70,000 "
                + "images (300 per class, 1×28×28, pixels in [0, 1], 10 classes), the same samples as fashion-mnist with "
                + "n=3000 subset=stratified subsetSeed=0. Built by scripts/make-fashion-mnist-small.py from the Debian "
                + "package dataset-fashion-mnist. Fashion-MNIST: Copyright 2017 Zalando SE (Zalando Research), MIT licence.";
    }

    @Override
    Dataset read(Params params) {
        InputStream images = FashionMnistSmallProvider.class.getResourceAsStream(IMAGES);
        InputStream labels = FashionMnistSmallProvider.class.getResourceAsStream(LABELS);
        if (images == null || labels == null) {
            throw new DclustException("fashion-mnist-small: the resource " + (images == null ? IMAGES : LABELS)
                    + " is missing from the classpath; the dclust-plugins-datasets jar is incomplete, rebuild it");
        }
        IdxData idx = IdxReader.read(images, "classpath:" + IMAGES, labels, "classpath:" + LABELS);
        return new Dataset(name(), idx.pixels(), new int[] {1, idx.rows(), idx.cols()}, idx.labels(), 10);
    }
}
