package org.dclust.refiners.proximity;

import ai.djl.ndarray.NDArray;
import org.dclust.api.train.Scalars;

/**
 * The loss of the proximity refiner (every formula here is ours: the R-DC abstract gives no loss):
 *
 * <pre>
 *   L = β · L_pull / D + (1 − β) · w · L_rec / R₀
 *   L_pull = (1 / |R_b|) Σ_{i ∈ R_b} ‖f(x_i) − c_i‖²       (R_b: the batch's reliable samples)
 *   β = min(1, (s + 1) / S)                                 (s: steps done, S: fade steps)
 * </pre>
 *
 * c_i is sample i's nearest-neighbour centroid ({@link DualFilter.Result#centroids}), fixed between
 * two builds of the graph; L_rec is the reconstruction error of the batch (mean squared, the shared
 * pretraining's scale); D is the mean of ‖z_i − c_i‖² over the reliable samples when the graph was
 * built, and R₀ the reconstruction error of the data when the refinement started, so both terms start
 * near w : 1 whatever the scale of the codes and the pixels. As β grows from 1/S to 1 over the first
 * S steps the reconstruction (instance-level self-supervision) fades out and the pull
 * (neighbourhood-level) takes over: R-DC's gradual move between the two levels.
 */
final class ProximityLoss {
    private ProximityLoss() {
    }

    /**
     * L_pull / D: the mean squared distance of the reliable rows' codes to their targets, over
     * {@code scale}.
     *
     * @param z codes (b, d), with their gradient
     * @param targets (b, d), fixed
     * @param reliable (b) 1 for a reliable row, 0 otherwise
     * @param reliableCount the number of ones in {@code reliable} (the caller knows it), at least 1
     * @param scale D, positive
     * @return a scalar
     */
    static NDArray pull(NDArray z, NDArray targets, NDArray reliable, int reliableCount, double scale) {
        NDArray perRow = z.sub(targets).square().sum(new int[] {1});
        return Scalars.div(perRow.mul(reliable).sum(), (float) (reliableCount * scale));
    }

    /** β after {@code stepsDone} steps of {@code fadeSteps}: (s + 1) / S, at most 1; 1 without fading (S = 0). */
    static double proximityWeight(long stepsDone, long fadeSteps) {
        return fadeSteps <= 0 ? 1.0 : Math.min(1.0, (stepsDone + 1) / (double) fadeSteps);
    }

    /**
     * β · pull + (1 − β) · w · reconstruction / R₀; {@code pull} or {@code reconstruction} may be
     * null for a term that is absent (no reliable sample in the batch; no decoder, or β = 1).
     */
    static NDArray objective(NDArray pull, NDArray reconstruction, double beta, double reconstructionWeight, double reconstructionScale) {
        NDArray p = pull == null ? null : Scalars.mul(pull, (float) beta);
        NDArray r = reconstruction == null ? null : Scalars.mul(reconstruction, (float) ((1 - beta) * reconstructionWeight / reconstructionScale));
        if (p == null) {
            return r;
        }
        return r == null ? p : p.add(r);
    }
}
