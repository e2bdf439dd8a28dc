package org.dclust.phase1.learner;

import ai.djl.ndarray.NDArray;
import org.dclust.api.toolkit.FuzzyMemberships;
import org.dclust.api.train.Scalars;

/**
 * The arithmetic of DCSS phase 1 (Sadeghi and Armanfard, section 3.1), shared by {@code dcss} and
 * {@code dcss-agg}:
 * <ul>
 *   <li>{@link #weights}: the sample weights u_ik^m, with u_ik the fuzzy memberships of eq. 2;</li>
 *   <li>{@link #loss}: eq. 1, Σ_k Σ_i w_ik (‖x_i − x̂_i‖² + λ‖z_i − c_k‖²) over the clusters given.
 *       With one cluster it is the k-th run's loss L_k = L_rec,k + λ L_cen,k (eqs. 1a-1c); with all K
 *       it is the aggregated loss of the section 4.8.1 ablation. Squared errors are summed over
 *       features and samples, not averaged, as in the reference code;</li>
 *   <li>{@link #centres}: eq. 3, c_k = Σ_i u_ik^m z_i / Σ_i u_ik^m.</li>
 * </ul>
 * Every operand must live in the caller's batch scope: a result joins the manager of its first
 * operand, so long-lived arrays (centres) are passed as batch-scoped copies.
 */
public final class DcssLoss {
    private DcssLoss() {
    }

    /** The weights u_ik^m (b, K) of codes {@code z} (b, d) for centres {@code c} (K, d) and fuzziness {@code m} (eq. 2). */
    public static NDArray weights(NDArray z, NDArray c, double m) {
        return Scalars.pow(FuzzyMemberships.of(z, c, m), (float) m);
    }

    /**
     * The weighted reconstruction and centring loss (eq. 1) as a scalar:
     * Σ_i (Σ_k w_ik) ‖x_i − x̂_i‖² + λ Σ_i Σ_k w_ik ‖z_i − c_k‖².
     *
     * @param x the batch (b, ...)
     * @param recon its reconstruction, same shape
     * @param z its codes (b, d)
     * @param weights fixed weights (b, K') — no gradient flows into them
     * @param centres the K' centres (K', d) the weights refer to
     * @param lambda the weight λ of the centring term
     */
    public static NDArray loss(NDArray x, NDArray recon, NDArray z, NDArray weights, NDArray centres, double lambda) {
        long b = x.getShape().get(0);
        NDArray rec = recon.sub(x).square().reshape(b, -1).sum(new int[] {1});
        NDArray cen = z.expandDims(1).sub(centres.expandDims(0)).square().sum(new int[] {2});
        NDArray recTerm = rec.mul(weights.sum(new int[] {1})).sum();
        NDArray cenTerm = cen.mul(weights).sum();
        return recTerm.add(Scalars.mul(cenTerm, (float) lambda));
    }

    /** Eq. 3: new centres (K, d) as the u^m-weighted means of the codes {@code z} (N, d), with memberships to the current {@code c} (K, d). */
    public static NDArray centres(NDArray z, NDArray c, double m) {
        NDArray w = weights(z, c, m);
        return w.transpose().matMul(z).div(w.sum(new int[] {0}).expandDims(1));
    }
}
