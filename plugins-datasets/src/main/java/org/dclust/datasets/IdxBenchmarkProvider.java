package org.dclust.datasets;

import java.util.List;
import java.util.Optional;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.Citation;
import org.dclust.api.spi.DatasetProvider;

/**
 * The common shape of the plugins for the IDX benchmarks {@code mnist}, {@code fashion-mnist} and
 * {@code kmnist}: all 70,000 images, the 60,000 of train followed by the 10,000 of t10k as the
 * deep-clustering papers use them, 1×28×28, pixels scaled to [0, 1], 10 classes, read from the
 * parameter {@code dir} (see {@link IdxSource}), then the shared parameters of {@link DatasetParams}.
 */
abstract class IdxBenchmarkProvider implements DatasetProvider {
    static final String DIR = "dir";

    private final String name;
    private final IdxSource source;
    private final Citation paper;
    private final List<ParamSpec> params;

    IdxBenchmarkProvider(String name, IdxSource source, Citation paper) {
        this.name = name;
        this.source = source;
        this.paper = paper;
        this.params = DatasetParams.with(ParamSpec.text(DIR, source.defaultDir(), "directory holding " + IdxSource.FILES
                + (source.defaultDir() == null ? "; required" : "")));
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Optional<Citation> paper() {
        return Optional.of(paper);
    }

    @Override
    public final List<ParamSpec> parameters() {
        return params;
    }

    @Override
    public final Dataset load(Params p) {
        IdxData idx = source.read(p.getString(DIR), name + "." + DIR);
        Dataset data = new Dataset(name, idx.pixels(), new int[] {1, idx.rows(), idx.cols()}, idx.labels(), IdxSource.CLASSES);
        return DatasetParams.finish(data, p);
    }
}
