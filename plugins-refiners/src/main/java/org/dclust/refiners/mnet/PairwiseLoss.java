package org.dclust.refiners.mnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import org.dclust.api.train.Scalars;

/**
 * The pairwise self-supervision of DCSS phase 2 (Sadeghi and Armanfard, arXiv 2405.03590, section 3.2,
 * eqs. 4 and 5) on one batch. Pairs (i, j) of the whole b × b batch matrix, self-pairs included, are
 * similar when their similarity s_ij exceeds ζ and dissimilar when it is below γ; pairs in between (the
 * ambiguity region) do not contribute. With s_ij the inner product of fuzzy memberships (u space, eq. 4)
 * or of MNet outputs (q space, eq. 5):
 *
 * <pre>
 *   L = scale · Σ_ij ( 1[s_ij &gt; ζ] (1 − q̃_i·q̃_j) + 1[s_ij &lt; γ] q̃_i·q̃_j )
 * </pre>
 *
 * where q̃ is q with entries above 0.99 set to 1 and entries below 0.01 set to 0, which stops their
 * gradient. The clamping, the self-pairs and the sum over the whole matrix follow the DCSS reference
 * code (our {@code dcss_ref.py}, after Armanfard-Lab/DCSS), not the paper's text, which leaves them open.
 */
public final class PairwiseLoss {
    /** Entries of q above this are set to 1 inside the loss. */
    public static final float HIGH = 0.99f;
    /** Entries of q below this are set to 0 inside the loss. */
    public static final float LOW = 0.01f;

    private PairwiseLoss() {
    }

    /** The similarity matrix a·aᵀ (b, b) of rows of {@code a} (b, K): memberships or MNet outputs. */
    public static NDArray similarity(NDArray a) {
        return a.matMul(a.transpose());
    }

    /** The similar-pair mask (boolean, b × b): s_ij &gt; ζ. */
    public static NDArray similar(NDArray similarity, double zeta) {
        return similarity.gt(zeta);
    }

    /** The dissimilar-pair mask (boolean, b × b): s_ij &lt; γ. */
    public static NDArray dissimilar(NDArray similarity, double gamma) {
        return similarity.lt(gamma);
    }

    /** q with entries &gt; 0.99 set to 1 and &lt; 0.01 set to 0 (no gradient flows through those entries). */
    public static NDArray clampConfident(NDArray q) {
        NDArray hi = NDArrays.where(q.gt(HIGH), q.onesLike(), q);
        return NDArrays.where(hi.lt(LOW), hi.zerosLike(), hi);
    }

    /**
     * The loss of eqs. 4/5 (a scalar) for MNet outputs {@code q} (b, K) and the boolean masks of
     * similar and dissimilar pairs (b, b).
     */
    public static NDArray loss(NDArray q, NDArray similar, NDArray dissimilar, double scale) {
        NDArray qc = clampConfident(q);
        NDArray qq = qc.matMul(qc.transpose());
        NDArray s = similar.toType(DataType.FLOAT32, false);
        NDArray d = dissimilar.toType(DataType.FLOAT32, false);
        // Σ S(1 − qq) + D qq = Σ S − Σ S qq + Σ D qq
        return Scalars.mul(s.sub(s.mul(qq)).add(d.mul(qq)).sum(), (float) scale);
    }
}
