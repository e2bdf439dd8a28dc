package org.dclust.phase1.learner;

import ai.djl.ndarray.NDArray;
import org.dclust.api.toolkit.Distances;
import org.dclust.api.train.Scalars;

/**
 * The DKM clustering term (Fard, Thonet and Gaussier 2020): the k-means loss made
 * differentiable by replacing the hard assignment with the softmin weights
 * G_k(z, α) = exp(−α‖z − r_k‖²) / Σ_k' exp(−α‖z − r_k'‖²), giving Σ_k ‖z − r_k‖² G_k(z, α) per sample
 * (averaged over the batch, as the authors' code does). The softmax subtracts the smallest distance
 * first, so large α cannot underflow to 0/0. As α grows the term tends to the k-means loss; the
 * annealing of α is {@link #alpha}.
 */
final class DkmLoss {
    private DkmLoss() {
    }

    /** Softmin weights G (b, K) of squared distances (b, K) at inverse temperature α. */
    static NDArray softmin(NDArray squaredDistances, double alpha) {
        return Scalars.mul(squaredDistances, (float) -alpha).softmax(1);
    }

    /** mean_i Σ_k ‖z_i − r_k‖² G_k(z_i, α) for codes (b, d) and centres (K, d) in the batch scope. */
    static NDArray clustering(NDArray z, NDArray centres, double alpha) {
        NDArray d2 = Distances.squared(z, centres);
        return d2.mul(softmin(d2, alpha)).sum(new int[] {1}).mean();
    }

    /**
     * The n-th α (0-based) of DKM's annealing: α_1 = {@code alpha1} and α_{n+1} = 2^(1/ln(n+1)²)·α_n
     * (the authors' code; the paper writes log(n)², which is undefined at n = 1). From 0.1 the 40
     * values of the paper run from 0.1 to about 28.1.
     */
    static double alpha(int n, double alpha1) {
        double a = alpha1;
        for (int i = 1; i <= n; i++) {
            double l = Math.log(i + 1);
            a *= Math.pow(2, 1 / (l * l));
        }
        return a;
    }
}
