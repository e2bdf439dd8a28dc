package org.dclust.api.spi;

import org.dclust.api.model.Refiner;
import org.dclust.api.param.Params;

/** A phase-2 refiner, found with {@link java.util.ServiceLoader}. */
public interface RefinerProvider extends PluginInfo {
    Refiner create(Params params);

    /**
     * Whether this refiner, with these parameters, trains the encoder it is given and nothing of its
     * own (no head), so that an encoder without weights ({@link org.dclust.api.model.Backbone#hasWeights()}
     * false: the {@code identity} learner's {@code flatten}) leaves it nothing to train. The framework
     * refuses such a pairing when the run or study is resolved, before anything trains. Default false
     * (a refiner with a head of its own, such as MNet, or none that trains, such as k-means).
     */
    default boolean trainsEncoder(Params params) {
        return false;
    }
}
