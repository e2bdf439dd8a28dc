package org.dclust.phase1.learner;

import ai.djl.ndarray.NDManager;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.AutoEncoder;
import org.dclust.api.toolkit.Embeddings;
import org.dclust.api.toolkit.KMeans;
import org.dclust.api.toolkit.Pretraining;
import org.dclust.api.train.TrainingContext;

/**
 * Where DEC, IDEC, DCN and DKM all start: the shared autoencoder pretraining ({@link Pretraining},
 * cached across learners) and k-means (k-means++ seeding, restarts) on the pretrained codes, which
 * gives the initial centres and assignments (DEC section 3.2; IDEC, DCN and DKM initialise the same
 * way). The k-means draws come from the context's "kmeans" stream, so a
 * resumed run starts from the same centres.
 */
record PretrainedStart(AutoEncoder network, KMeans.Result kmeans) {

    /** Pretrains (or loads the cached pretraining) in a sub-manager of the context's, then runs k-means. */
    static PretrainedStart of(Dataset data, TrainingContext ctx, Pretraining.Settings settings, int restarts) {
        NDManager manager = ctx.manager().newSubManager();
        AutoEncoder net = Pretraining.pretrain(data, ctx, settings, manager);
        float[][] z = Embeddings.encode(net, data, 1000);
        KMeans.Result km = KMeans.fit(z, ctx.clusters(), restarts, 300, ctx.random("kmeans", 0));
        return new PretrainedStart(net, km);
    }
}
