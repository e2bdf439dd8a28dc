package org.dclust.api.spi;

import org.dclust.api.model.LatentLearner;
import org.dclust.api.param.Params;

/** A phase-1 latent-space learner, found with {@link java.util.ServiceLoader}. */
public interface LearnerProvider extends PluginInfo {
    LatentLearner create(Params params);
}
