package org.dclust.api.spi;

import org.dclust.api.model.Refiner;
import org.dclust.api.param.Params;

/** A phase-2 refiner, found with {@link java.util.ServiceLoader}. */
public interface RefinerProvider extends PluginInfo {
    Refiner create(Params params);
}
