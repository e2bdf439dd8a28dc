package org.dclust.datasets;

import java.util.List;
import java.util.Optional;
import org.dclust.api.data.Dataset;
import org.dclust.api.data.DatasetParams;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.Citation;
import org.dclust.api.spi.DatasetProvider;

/**
 * The common shape of this module's data set plugins: a name, the paper of the data set (if any),
 * its own parameters followed by the shared ones of {@link DatasetParams}, and a {@link #read} that
 * gives the data set as its files hold it; {@link #load} then applies the shared imbalance, subset
 * and normalisation. A plugin adds its title and description.
 */
abstract class BaseDatasetProvider implements DatasetProvider {
    private final String name;
    private final Citation paper;
    private final List<ParamSpec> params;

    /**
     * @param paper the data set's paper, or null when it has none
     * @param own the plugin's own parameters
     */
    BaseDatasetProvider(String name, Citation paper, ParamSpec... own) {
        this.name = name;
        this.paper = paper;
        this.params = DatasetParams.with(own);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Optional<Citation> paper() {
        return Optional.ofNullable(paper);
    }

    @Override
    public final List<ParamSpec> parameters() {
        return params;
    }

    @Override
    public final Dataset load(Params p) {
        return DatasetParams.finish(read(p), p);
    }

    /**
     * The data set as read, before the shared parameters.
     *
     * @throws org.dclust.api.DclustException when a file is missing or malformed (the message names it)
     */
    abstract Dataset read(Params p);
}
