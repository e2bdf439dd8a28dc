package org.dclust.refiners.centroid;

import org.dclust.api.data.Dataset;
import org.dclust.api.data.Preprocessing;
import org.dclust.api.model.CentroidHead;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.Refiner;
import org.dclust.api.train.TrainingContext;

/**
 * The trivial refiner: keeps the learner's encoder, centres and own soft assignment (nearest centre
 * for AE + k-means and DCN, Student-t for DEC and IDEC, fuzzy memberships for DCSS phase 1).
 * Nothing is trained.
 */
public final class CentroidRefiner implements Refiner {
    @Override
    public ClusterModel refine(LatentModel latent, Dataset data, TrainingContext ctx) {
        CentroidHead head = new CentroidHead(latent.network().manager(), latent.centres(), latent.assignment());
        return new ClusterModel(latent.network(), head, Preprocessing.none(), null);
    }
}
