package org.dclust.phase1.learner;

import ai.djl.ndarray.NDArray;
import org.dclust.api.model.StudentTAssignment;
import org.dclust.api.train.Scalars;

/**
 * The three formulas of DEC (Xie, Girshick and Farhadi 2016, section 3.1), shared by IDEC:
 * <ul>
 *   <li>eq. 1, the soft assignment q_ij ∝ (1 + ‖z_i − μ_j‖²/α)^(−(α+1)/2), normalised over j
 *       (the Student's t kernel of {@link StudentTAssignment}, so training and prediction agree);</li>
 *   <li>eq. 3, the target distribution p_ij = (q_ij²/f_j) / Σ_j' (q_ij'²/f_j') with soft cluster
 *       frequencies f_j = Σ_i q_ij taken over the whole data set;</li>
 *   <li>eq. 2, the clustering loss KL(P‖Q) = Σ_i Σ_j p_ij log(p_ij / q_ij), here averaged over the
 *       batch (as the reference code's Keras "kld" does).</li>
 * </ul>
 * All are whole-batch tensor expressions; P is a constant (no gradient flows into it).
 */
final class DecLoss {
    /** Floor inside the logarithms, so that an underflowed probability cannot give −∞. */
    private static final float EPS = 1e-12f;

    private DecLoss() {
    }

    /** Eq. 1: q (b, K) of codes z (b, d) to centres c (K, d) with α degrees of freedom. */
    static NDArray softAssignment(NDArray z, NDArray c, double alpha) {
        return StudentTAssignment.of(z, c, alpha);
    }

    /** Eq. 3: the target distribution of q (N, K), q covering the whole data set. */
    static NDArray target(NDArray q) {
        NDArray weight = q.square().div(q.sum(new int[] {0}, true));
        return weight.div(weight.sum(new int[] {1}, true));
    }

    /** Eq. 2: KL(P‖Q) per sample, averaged over the batch; p and q are (b, K). */
    static NDArray kl(NDArray p, NDArray q) {
        return p.mul(Scalars.maximum(p, EPS).log().sub(Scalars.maximum(q, EPS).log())).sum(new int[] {1}).mean();
    }
}
