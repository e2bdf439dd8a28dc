package org.dclust.api.model;

import org.dclust.api.data.Dataset;
import org.dclust.api.train.TrainingContext;

/**
 * Phase 1: trains an encoder so that similar samples sit together, and returns it with K centres and
 * the learner's own soft assignment. Labels in the data set are never used.
 */
public interface LatentLearner {
    /**
     * @param data the (preprocessed) training data; its labels must not be read
     * @param context device, seed, K, backbone, events, checkpoints, cancellation
     */
    LatentModel fit(Dataset data, TrainingContext context);
}
