package org.dclust.api.toolkit;

import java.util.List;
import java.util.Optional;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.Params;
import org.dclust.api.spi.LearnerProvider;
import org.dclust.api.toolkit.augment.AugmentationPipeline;

/**
 * A learner provider whose learner starts from the shared autoencoder pretraining ({@link Pretraining},
 * {@link PretrainedStart}) and declares its parameters: it needs a decoder, the pretraining's own
 * checks ({@link Pretraining#validate}) run when a configuration is resolved, and its pretraining is
 * the shared one with its parameters ({@link #sharedPretraining}, which {@code --clusters auto} runs
 * first to estimate K). A provider that checks
 * more adds its problems to {@code PretrainingLearnerProvider.super.validate(params)}.
 */
public interface PretrainingLearnerProvider extends LearnerProvider {
    /** True: the pretraining reconstructs its input. */
    @Override
    default boolean needsDecoder(Params params) {
        return true;
    }

    /** {@link Pretraining#validate}: the augmentation recipe parses. */
    @Override
    default List<String> validate(Params params) {
        return Pretraining.validate(params);
    }

    /** {@link AugmentationPipeline#dataProblem}: an augmented pretraining needs images. */
    @Override
    default List<String> validate(Params params, Dataset data) {
        return AugmentationPipeline.dataProblem(params.getString(Pretraining.AUGMENT), data, Pretraining.AUGMENT).stream().toList();
    }

    /** The shared pretraining, with this learner's pretraining parameters. */
    @Override
    default Optional<Pretraining.Settings> sharedPretraining(Params params) {
        return Optional.of(Pretraining.Settings.from(params));
    }
}
