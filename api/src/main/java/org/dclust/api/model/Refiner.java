package org.dclust.api.model;

import org.dclust.api.data.Dataset;
import org.dclust.api.train.TrainingContext;

/**
 * Phase 2: turns a learner's latent space into cluster assignments. It receives the trainable encoder,
 * the centres and the learner's own assignment, and may train them further. A refiner that cannot
 * work with what it is given throws a {@link org.dclust.api.DclustException} before any training.
 */
public interface Refiner {
    ClusterModel refine(LatentModel latent, Dataset data, TrainingContext context);
}
