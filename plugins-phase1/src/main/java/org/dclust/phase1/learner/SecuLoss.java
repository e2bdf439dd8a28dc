package org.dclust.phase1.learner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.dclust.api.train.Scalars;

/**
 * SeCu's two losses for one clustering head and one pair of views (Qian, "Stable Cluster
 * Discrimination for Deep Clustering", ICCV 2023, arXiv 2311.14310; the authors' code idstcv/SeCu,
 * {@code secu/builder.py}, {@code forward}). For a batch of b samples, unit embeddings x (b, d) of a
 * view, the head's unit centres c (K, d) and each sample's assigned cluster y_i:
 *
 * <pre>
 * centre loss:          s = x̄ cᵀ (x̄: x without gradient), and ŝ equal to s where only s_{i,y_i} carries gradient
 *                       L_c = −(1/b) Σ_i log softmax(ŝ_i / τ_w)_{y_i}
 * representation loss:  p_v = x_v c̄ᵀ / τ_x  (c̄: the centres frozen at the epoch's start), for the views v = 1, 2
 *                       t_1 = (1 − τ) softmax(p_2) + τ onehot(ℓ),  t_2 = (1 − τ) softmax(p_1) + τ onehot(ℓ)   (no gradient)
 *                       L_x = −(1/b) Σ_i [ t_1 · log softmax(p_1) + t_2 · log softmax(p_2) ]_i
 * </pre>
 *
 * where ℓ_i is the sample's assignment of the previous epoch (in the first epoch, y_i). The centre
 * loss moves a centre only with its own members ("stable cluster discrimination": the other columns
 * are constants, so an unassigned centre gets no gradient at all), and a member pulls harder the
 * smaller its probability softmax(ŝ_i/τ_w)_{y_i} is (the gradient of column y_i is (p − 1)/τ_w: the
 * hardness-aware criterion). The learner sums both over the two views and the heads and divides by
 * twice the number of heads.
 */
final class SecuLoss {
    private SecuLoss() {
    }

    /**
     * The centre loss of one view: a scalar.
     *
     * @param scores s = x̄ cᵀ (b, K), with gradient to the centres only
     * @param assigned the clusters y (b), int64, in the batch scope
     * @param tw the centre temperature τ_w &gt; 0
     */
    static NDArray centre(NDArray scores, NDArray assigned, double tw) {
        int k = (int) scores.getShape().get(1);
        NDArray mask = assigned.oneHot(k).toType(DataType.FLOAT32, false);
        NDArray fixed = scores.stopGradient();
        NDArray logits = fixed.add(scores.sub(fixed).mul(mask));
        return crossEntropy(Scalars.div(logits, (float) tw), mask);
    }

    /**
     * The representation loss of a pair of views: a scalar.
     *
     * @param p1 x_1 c̄ᵀ / τ_x (b, K), with gradient to the encoder
     * @param p2 x_2 c̄ᵀ / τ_x (b, K)
     * @param previous ℓ (b), int64: each sample's assignment of the previous epoch
     * @param tau τ ∈ [0, 1], the one-hot's weight in the targets
     */
    static NDArray representation(NDArray p1, NDArray p2, NDArray previous, double tau) {
        int k = (int) p1.getShape().get(1);
        NDArray hard = Scalars.mul(previous.oneHot(k).toType(DataType.FLOAT32, false), (float) tau);
        NDArray t1 = Scalars.mul(p2.stopGradient().softmax(1), (float) (1 - tau)).add(hard);
        NDArray t2 = Scalars.mul(p1.stopGradient().softmax(1), (float) (1 - tau)).add(hard);
        return crossEntropy(p1, t1).add(crossEntropy(p2, t2));
    }

    /** −(1/b) Σ_i Σ_k t_ik log softmax(logits_i)_k for targets t (b, K) without gradient. */
    private static NDArray crossEntropy(NDArray logits, NDArray targets) {
        return logits.logSoftmax(1).mul(targets).sum(new int[] {1}).mean().neg();
    }

    /** The int64 labels {@code y} as an array of {@code scope}. */
    static NDArray labels(NDManager scope, long[] y) {
        return scope.create(y);
    }
}
