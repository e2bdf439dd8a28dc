package org.dclust.api.toolkit;

import ai.djl.ndarray.NDArray;

/**
 * Reconstruction errors as the reference implementations weigh them against their clustering terms:
 * the squared error summed over a sample's features and averaged over the batch (DCN's and DKM's
 * authors' code, ‖x − g(f(x))‖²), or averaged over features too (IDEC's authors' code, Keras "mse",
 * and the shared {@link Pretraining}). A clustering weight (DCN's λ, IDEC's γ) is tuned for one of
 * these scales, so a learner names the one its paper used.
 */
public final class Reconstruction {
    private Reconstruction() {
    }

    /** mean_i Σ_j (x̂_ij − x_ij)² over a batch (b, ...) of any sample shape; a scalar. */
    public static NDArray summedSquared(NDArray reconstruction, NDArray x) {
        long b = x.getShape().get(0);
        return reconstruction.sub(x).square().reshape(b, -1).sum(new int[] {1}).mean();
    }

    /** mean_ij (x̂_ij − x_ij)² over a batch of any sample shape; a scalar. */
    public static NDArray meanSquared(NDArray reconstruction, NDArray x) {
        return reconstruction.sub(x).square().mean();
    }
}
