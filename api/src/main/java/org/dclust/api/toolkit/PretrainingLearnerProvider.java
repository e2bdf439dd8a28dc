package org.dclust.api.toolkit;

import java.util.List;
import org.dclust.api.param.Params;
import org.dclust.api.spi.LearnerProvider;

/**
 * A learner provider whose learner starts from the shared autoencoder pretraining ({@link Pretraining},
 * {@link PretrainedStart}) and declares its parameters: it needs a decoder, and the pretraining's own
 * checks ({@link Pretraining#validate}) run when a configuration is resolved. A provider that checks
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
}
