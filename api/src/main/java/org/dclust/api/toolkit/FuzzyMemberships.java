package org.dclust.api.toolkit;

import ai.djl.ndarray.NDArray;
import org.dclust.api.spi.Citation;
import org.dclust.api.train.Scalars;

/**
 * Fuzzy c-means memberships, DCSS eq. 2: u_ik = 1 / Σ_j (‖z_i − c_k‖ / ‖z_i − c_j‖)^(2/(m−1)),
 * i.e. u_ik ∝ ‖z_i − c_k‖^(−2/(m−1)). Computed as a soft-max of −log(‖z − c‖²)/(m − 1) so that a code
 * sitting on a centre gets membership 1 without dividing by zero.
 */
public final class FuzzyMemberships {
    /** The paper of eq. 2, DCSS: what its memberships' users (the {@code dcss} learners, MNet) cite. */
    public static final Citation DCSS = new Citation("Sadeghi, Armanfard", "Deep Clustering with Self-Supervision using Pairwise Similarities",
            2024, "arXiv", "2405.03590");
    /** DCSS's fuzziness (section 4.8.5). */
    public static final double DEFAULT_M = 1.5;
    private static final float EPS = 1e-10f;

    private FuzzyMemberships() {
    }

    /** Memberships (b, K) of codes {@code z} (b, d) to centres {@code c} (K, d) with fuzziness {@code m} > 1. */
    public static NDArray of(NDArray z, NDArray c, double m) {
        if (!(m > 1)) {
            throw new IllegalArgumentException("fuzziness m must exceed 1, got " + m);
        }
        NDArray d2 = Distances.squared(z, c);
        return Scalars.mul(d2.add(EPS).log(), -1.0 / (m - 1)).softmax(1);
    }
}
