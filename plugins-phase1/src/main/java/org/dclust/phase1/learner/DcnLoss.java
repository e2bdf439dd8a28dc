package org.dclust.phase1.learner;

import ai.djl.ndarray.NDArray;
import org.dclust.api.train.Scalars;

/**
 * The DCN objective (Yang, Fu, Sidiropoulos and Hong 2017, eq. 5), per sample
 * ℓ(g(f(x_i)), x_i) + (λ/2)·‖f(x_i) − M s_i‖² with s_i the one-hot assignment of sample i, averaged
 * over the batch. ℓ is the squared error summed over the features, as in the authors' code; the
 * assigned centres M s_i are held fixed during the network update (the paper's alternating scheme).
 */
final class DcnLoss {
    private DcnLoss() {
    }

    /** mean_i ‖z_i − c_i‖² for codes z (b, d) and their assigned centres c (b, d). */
    static NDArray clustering(NDArray z, NDArray assignedCentres) {
        return z.sub(assignedCentres).square().sum(new int[] {1}).mean();
    }

    /** ℓ + (λ/2)·clustering, both already batch means. */
    static NDArray total(NDArray reconstruction, NDArray clustering, double lambda) {
        return reconstruction.add(Scalars.mul(clustering, (float) (lambda / 2)));
    }
}
