package org.dclust.api.spi;

import ai.djl.ndarray.NDArray;
import org.dclust.api.param.Params;

/**
 * A soft assignment of latent codes to centres (probabilities over K), found with
 * {@link java.util.ServiceLoader} by name: what a learner hands to the {@code centroid} refiner as its
 * own assignment, saved with latent and cluster models as {@link org.dclust.api.model.SoftAssignment}
 * (the name and the parameters). Built in: {@code fuzzy} (DCSS eq. 2), {@code student-t} (DEC eq. 1)
 * and {@code nearest} (k-means); a third-party learner adds its own the same way, and its models load.
 */
public interface AssignmentProvider extends PluginInfo {
    /**
     * Probabilities (b, K) of codes {@code z} (b, d) to {@code centres} (K, d); rows sum to 1. Both
     * arrays live in the caller's scope (the result joins the manager of {@code z}).
     *
     * @param params this provider's parameters, resolved against {@link #parameters()}
     */
    NDArray probabilities(NDArray z, NDArray centres, Params params);
}
