package org.dclust.phase1.learner;

import ai.djl.ndarray.NDManager;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.AutoEncoder;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.SoftAssignment;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.Embeddings;
import org.dclust.api.toolkit.KMeans;
import org.dclust.api.toolkit.Pretraining;
import org.dclust.api.train.TrainingContext;

/**
 * The plain baseline "AE + k-means": autoencoder pretraining (Adam on the mean squared reconstruction
 * error, the shared {@link Pretraining}) followed by k-means on the latent codes (k-means++ seeding,
 * Lloyd iterations to convergence, several restarts, the lowest inertia kept). Its own assignment is
 * the nearest centre.
 */
public final class AeLearner implements LatentLearner {
    private final Pretraining.Settings settings;
    private final int restarts;

    public AeLearner(Params p) {
        this.settings = Pretraining.Settings.from(p);
        this.restarts = p.getInt("kmeansRestarts");
    }

    @Override
    public LatentModel fit(Dataset data, TrainingContext ctx) {
        NDManager manager = ctx.manager().newSubManager();
        AutoEncoder net = Pretraining.pretrain(data, ctx, settings, manager);
        float[][] z = Embeddings.encode(net, data, 1000);
        KMeans.Result km = KMeans.fit(z, ctx.clusters(), restarts, 300, ctx.random("kmeans", 0));
        return new LatentModel(AeLearnerProvider.NAME, net, km.centres(), SoftAssignment.nearest());
    }
}
