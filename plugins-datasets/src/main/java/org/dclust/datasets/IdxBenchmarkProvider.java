package org.dclust.datasets;

import org.dclust.api.data.Dataset;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.Citation;

/**
 * The common shape of the plugins for the IDX benchmarks {@code mnist}, {@code fashion-mnist} and
 * {@code kmnist}: all 70,000 images, the 60,000 of train followed by the 10,000 of t10k as the
 * deep-clustering papers use them, 1×28×28, pixels scaled to [0, 1], 10 classes, read from the
 * parameter {@code dir} (see {@link IdxSource}), then the shared parameters.
 */
abstract class IdxBenchmarkProvider extends BaseDatasetProvider {
    static final String DIR = "dir";

    private final IdxSource source;

    IdxBenchmarkProvider(String name, IdxSource source, Citation paper) {
        super(name, paper, ParamSpec.text(DIR, source.defaultDir(), "directory holding " + IdxSource.FILES
                + (source.defaultDir() == null ? "; required" : "")));
        this.source = source;
    }

    @Override
    final Dataset read(Params p) {
        IdxData idx = source.read(p.getString(DIR), name() + "." + DIR);
        return new Dataset(name(), idx.pixels(), new int[] {1, idx.rows(), idx.cols()}, idx.labels(), IdxSource.CLASSES);
    }
}
