package org.dclust.phase1.learner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.index.NDIndex;
import org.dclust.api.train.Scalars;

/**
 * MoCo's contrastive loss (He, Fan, Wu, Xie, Girshick, "Momentum Contrast for Unsupervised Visual
 * Representation Learning", CVPR 2020, eq. 1; facebookresearch/moco {@code moco/builder.py},
 * {@code forward}): InfoNCE over one positive key and the K negative keys of the queue,
 *
 * <pre>
 * logits_i = [q_i·k_i, q_i·n_1, ..., q_i·n_K] / T          (b, 1 + K)
 * L = −(1/b) Σ_i log softmax(logits_i)_0                     (cross-entropy with label 0)
 * </pre>
 *
 * for L2-normalised queries q (b, d), their positive keys k (b, d) and the queue n (K, d). The keys
 * and the queue carry no gradient (the key encoder is not trained by backpropagation).
 */
final class MocoLoss {
    private MocoLoss() {
    }

    /**
     * The logits (b, 1 + K): positive first.
     *
     * @param q queries (b, d), in the batch scope (its manager receives the result)
     * @param k positive keys (b, d)
     * @param queue negative keys (K, d), a batch-scoped copy
     * @param temperature T &gt; 0
     */
    static NDArray logits(NDArray q, NDArray k, NDArray queue, double temperature) {
        NDArray positive = q.mul(k).sum(new int[] {1}, true);
        NDArray negative = q.matMul(queue.transpose());
        return Scalars.div(NDArrays.concat(new ai.djl.ndarray.NDList(positive, negative), 1), (float) temperature);
    }

    /** The InfoNCE loss, a scalar: the mean over rows of −log softmax(logits)_0. */
    static NDArray infoNce(NDArray logits) {
        return logits.logSoftmax(1).get(new NDIndex(":, 0")).mean().neg();
    }

    /**
     * The fraction of rows whose positive logit is the largest: the accuracy of MoCo's pretext task
     * (its {@code acc@1}), a training signal that reads no label.
     */
    static double positiveTop1(NDArray logits) {
        NDArray best = logits.stopGradient().argMax(1);
        return best.eq(0).sum().getLong() / (double) best.getShape().get(0);
    }
}
