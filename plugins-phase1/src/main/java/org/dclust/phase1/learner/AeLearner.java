package org.dclust.phase1.learner;

import org.dclust.api.data.Dataset;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.SoftAssignment;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.PretrainedStart;
import org.dclust.api.toolkit.Pretraining;
import org.dclust.api.train.TrainingContext;

/**
 * The plain baseline "AE + k-means": autoencoder pretraining (Adam on the mean squared reconstruction
 * error, the shared {@link Pretraining}) followed by k-means on the latent codes (k-means++ seeding,
 * Lloyd iterations to convergence, several restarts, the lowest inertia kept): the toolkit's
 * {@link PretrainedStart}, with nothing after it. Its own assignment is the nearest centre.
 *
 * @param params the parameters of {@link PretrainedStart#parameters()}
 */
public record AeLearner(Params params) implements LatentLearner {

    @Override
    public LatentModel fit(Dataset data, TrainingContext ctx) {
        PretrainedStart start = PretrainedStart.of(data, ctx, params);
        return new LatentModel(AeLearnerProvider.NAME, start.network(), start.kmeans().centres(), SoftAssignment.nearest());
    }
}
