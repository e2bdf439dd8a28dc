package org.dclust.api.spi;

import java.util.Optional;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.Pretraining;

/** A phase-1 latent-space learner, found with {@link java.util.ServiceLoader}. */
public interface LearnerProvider extends PluginInfo {
    LatentLearner create(Params params);

    /**
     * The shared autoencoder pretraining ({@link Pretraining}) this learner starts from with these
     * parameters, if it starts from one: a learner built on {@link org.dclust.api.toolkit.PretrainedStart}
     * returns {@code Optional.of(Pretraining.Settings.from(params))}. A run that estimates K
     * ({@code --clusters auto}) pretrains with these settings first (the learner then finds the result
     * in the cache or the run's checkpoint) and estimates K on the pretrained codes, before the
     * learner's clustering phase; with a learner that returns empty (the default: it trains its own
     * representation, or none) such a run is refused before anything trains.
     */
    default Optional<Pretraining.Settings> sharedPretraining(Params params) {
        return Optional.empty();
    }
}
