package org.dclust.api.model;

import ai.djl.ndarray.NDArray;
import org.dclust.api.param.Params;
import org.dclust.api.spi.AssignmentProvider;
import org.dclust.api.toolkit.Distances;

/** The soft assignment {@code nearest}: probability 1 for the nearest centre (k-means, DCN, DKM). */
public final class NearestAssignment implements AssignmentProvider {
    @Override
    public String name() {
        return "nearest";
    }

    @Override
    public String title() {
        return "one-hot nearest centre by Euclidean distance (k-means)";
    }

    @Override
    public NDArray probabilities(NDArray z, NDArray centres, Params params) {
        return Distances.squared(z, centres).argMin(1).oneHot((int) centres.getShape().get(0));
    }
}
