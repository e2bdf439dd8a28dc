package org.dclust.phase1.learner;

import ai.djl.ndarray.NDArray;
import org.dclust.api.toolkit.Distances;
import org.dclust.api.train.Scalars;

/**
 * The DKM clustering term (Fard, Thonet and Gaussier 2020, eq. 6; the authors' {@code compgraph.py}
 * lines 54-85): the k-means loss made differentiable by replacing the hard assignment with the
 * softmin weights G_k(z, α) = exp(−α‖z − r_k‖²) / Σ_k' exp(−α‖z − r_k'‖²), giving
 * Σ_k ‖z − r_k‖² G_k(z, α) per sample, averaged over the batch. The gradient flows through both the
 * distances and the weights, to the codes and to the representatives. The softmax subtracts the
 * smallest distance first, as their code does, so a large α cannot underflow to 0/0. As α grows the
 * term tends to the k-means loss; the annealing ladder of α is {@link #alpha}.
 */
final class DkmLoss {
    private DkmLoss() {
    }

    /** Softmin weights G (b, K) of squared distances (b, K) at inverse temperature α. */
    static NDArray softmin(NDArray squaredDistances, double alpha) {
        return Scalars.mul(squaredDistances, (float) -alpha).softmax(1);
    }

    /** mean_i Σ_k d_ik G_k(d_i, α) for squared distances d (b, K) of codes to representatives. */
    static NDArray weighted(NDArray squaredDistances, double alpha) {
        return squaredDistances.mul(softmin(squaredDistances, alpha)).sum(new int[] {1}).mean();
    }

    /** mean_i Σ_k ‖z_i − r_k‖² G_k(z_i, α) for codes (b, d) and representatives (K, d) in the batch scope. */
    static NDArray clustering(NDArray z, NDArray centres, double alpha) {
        return weighted(Distances.squared(z, centres), alpha);
    }

    /**
     * The n-th α (0-based) of DKM's annealed variant: α_1 = {@code alpha1} and α_i = 2^(1/ln(i)²)·α_{i−1}
     * for i = 2, 3, ... (the authors' {@code dkm.py} lines 64-71, which run i over 2..40 from 0.1; the
     * paper writes log(n)², undefined at n = 1). From 0.1 the 40 values run from 0.1 to about 28.1.
     */
    static double alpha(int n, double alpha1) {
        double a = alpha1;
        for (int i = 2; i <= n + 1; i++) {
            double l = Math.log(i);
            a *= Math.pow(2, 1 / (l * l));
        }
        return a;
    }
}
