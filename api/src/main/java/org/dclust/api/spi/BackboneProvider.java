package org.dclust.api.spi;

import org.dclust.api.model.Backbone;
import org.dclust.api.param.Params;

/** An encoder/decoder architecture, found with {@link java.util.ServiceLoader}. */
public interface BackboneProvider extends PluginInfo {
    /** Builds the backbone description with its parameters; nothing is allocated yet. */
    Backbone create(Params params);
}
