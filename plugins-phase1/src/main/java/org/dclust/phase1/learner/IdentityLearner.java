package org.dclust.phase1.learner;

import ai.djl.ndarray.NDManager;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.SoftAssignment;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.Embeddings;
import org.dclust.api.toolkit.KMeans;
import org.dclust.api.train.TrainingContext;
import org.dclust.phase1.backbone.FlattenBackboneProvider;

/**
 * Fixed features as phase 1 (the protocol of the DCSS paper's Table 3, which runs every method on
 * fixed self-supervised features): the latent space is the data set's own vectors, through the
 * {@code flatten} backbone's identity encoder (no weights; nothing trains), and the centres are
 * k-means on them (k-means++ seeding, {@code kmeansRestarts} restarts, the lowest inertia kept, at
 * most 300 Lloyd iterations; the context's {@code kmeans} stream, as every learner's k-means). Its own
 * assignment is the nearest centre.
 *
 * <p>So {@code identity + centroid} is plain k-means on the vectors, and {@code identity + mnet}
 * trains MNet's head on the fixed vectors (the encoder it would fine-tune has no weights). The
 * learner always builds the {@code flatten} network, whatever backbone the context holds; the
 * framework refuses a run that names another ({@link IdentityLearnerProvider#backbones()}).
 *
 * @param params the parameters {@link IdentityLearnerProvider#parameters()} declares
 */
public record IdentityLearner(Params params) implements LatentLearner {

    @Override
    public LatentModel fit(Dataset data, TrainingContext ctx) {
        NDManager manager = ctx.manager().newSubManager();
        try {
            EncoderNetwork net = FlattenBackboneProvider.backbone().build(manager, data.sampleShape());
            float[][] x = Embeddings.encode(net, data, 1000);
            KMeans.Result km = KMeans.fit(x, ctx.clusters(), params.getInt("kmeansRestarts"), 300, ctx.random("kmeans", 0));
            return new LatentModel(IdentityLearnerProvider.NAME, net, km.centres(), SoftAssignment.nearest());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }
}
