package org.dclust.api.spi;

import java.util.List;
import java.util.Optional;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.Pretraining;

/**
 * A phase-1 latent-space learner, found with {@link java.util.ServiceLoader}. Besides its parameters it
 * declares what it needs of a backbone, which the framework checks when a run or a study is resolved,
 * before any data is loaded or anything trains, and reports in one message with what would work:
 * <ul>
 *   <li>{@link #needsDecoder}: it reconstructs its input (an autoencoder's pretraining or loss), so a
 *       backbone that builds an encoder only ({@link org.dclust.api.model.Backbone#buildsDecoder()}
 *       false) cannot serve it;</li>
 *   <li>{@link #defaultBackbone}: the backbone a run uses when none is named ({@code --backbone}, a
 *       configuration's {@code backbone}), so a contrastive learner runs on its residual network and
 *       an autoencoder learner on the MLP without the user naming either;</li>
 *   <li>{@link #backbones}: the only backbones it works with, where it cannot take any (the
 *       {@code identity} learner's latent space is the data itself: backbone {@code flatten}).</li>
 * </ul>
 */
public interface LearnerProvider extends PluginInfo {
    /** The backbone of a learner that declares no other: the bundled fully connected autoencoder. */
    String DEFAULT_BACKBONE = "mlp";

    LatentLearner create(Params params);

    /**
     * Whether this learner, with these parameters, decodes: an autoencoder's pretraining (ae, dcss,
     * dec, idec), a reconstruction term in its loss (idec, dcn, dkm, acai). Default false; a learner
     * that reconstructs and does not say so still fails before its first step, when the shared
     * pretraining finds no decoder, but only once the data is loaded.
     *
     * @param params the learner's resolved parameters (a learner may decode under some settings only)
     */
    default boolean needsDecoder(Params params) {
        return false;
    }

    /** The name of the backbone a run uses when none is given; {@link #DEFAULT_BACKBONE} unless declared. */
    default String defaultBackbone() {
        return DEFAULT_BACKBONE;
    }

    /**
     * The names of the only backbones this learner works with, or empty (the default) when it works
     * with any backbone that meets {@link #needsDecoder}. A run naming another backbone is refused.
     */
    default List<String> backbones() {
        return List.of();
    }

    /**
     * The shared autoencoder pretraining ({@link Pretraining}) this learner starts from with these
     * parameters, if it starts from one: a learner built on {@link org.dclust.api.toolkit.PretrainedStart}
     * returns {@code Optional.of(Pretraining.Settings.from(params))}, as every
     * {@link org.dclust.api.toolkit.PretrainingLearnerProvider} does. A run that estimates K
     * ({@code --clusters auto}) pretrains with these settings first (the learner then finds the result
     * in the cache or the run's checkpoint) and estimates K on the pretrained codes, before the
     * learner's clustering phase; with a learner that returns empty (the default: it trains its own
     * representation, or none) such a run is refused before anything trains.
     */
    default Optional<Pretraining.Settings> sharedPretraining(Params params) {
        return Optional.empty();
    }
}
