package org.dclust.api.spi;

import org.dclust.api.data.Dataset;
import org.dclust.api.param.Params;

/** A data set reader or generator, found with {@link java.util.ServiceLoader}. */
public interface DatasetProvider extends PluginInfo {
    /**
     * Loads the data set.
     *
     * @throws org.dclust.api.DclustException when files are missing or malformed: the message names
     *     the file and the problem
     */
    Dataset load(Params params);
}
