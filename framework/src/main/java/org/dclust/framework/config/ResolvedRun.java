package org.dclust.framework.config;

import org.dclust.api.spi.BackboneProvider;
import org.dclust.api.spi.DatasetProvider;
import org.dclust.api.spi.LearnerProvider;
import org.dclust.api.spi.RefinerProvider;

/** A validated run configuration: every plugin found and every parameter resolved. */
public record ResolvedRun(RunConfig config, PluginChoice<DatasetProvider> dataset, PluginChoice<BackboneProvider> backbone,
        PluginChoice<LearnerProvider> learner, PluginChoice<RefinerProvider> refiner) {
}
