package org.dclust.api.toolkit;

import ai.djl.ndarray.NDArray;
import org.dclust.api.train.Scalars;

/** Pairwise distances computed for a whole batch in one go. */
public final class Distances {
    private Distances() {
    }

    /**
     * Squared Euclidean distances (b, K) between rows of {@code z} (b, d) and {@code c} (K, d), as
     * |z|² − 2 z·cᵀ + |c|², clamped at 0. Both arrays should live in the caller's batch scope (the
     * result joins the manager of {@code z}).
     */
    public static NDArray squared(NDArray z, NDArray c) {
        NDArray zz = z.square().sum(new int[] {1}, true);
        NDArray cc = c.square().sum(new int[] {1}).reshape(1, -1);
        cc.attach(z.getManager());
        return Scalars.maximum(zz.sub(Scalars.mul(z.matMul(c.transpose()), 2)).add(cc), 0f);
    }
}
