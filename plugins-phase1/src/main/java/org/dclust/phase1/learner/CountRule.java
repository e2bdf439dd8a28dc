package org.dclust.phase1.learner;

import ai.djl.ndarray.NDArray;

/**
 * DCN's centre update by per-cluster counts (Yang et al. 2017, the update of M in Algorithm 1, after the
 * assignments): for each sample i of the batch, assigned to cluster k, count_k ← count_k + 1 and
 * c_k ← c_k − (1/count_k)(c_k − z_i). Processing a batch's samples one after another with this rule
 * leaves every centre at the running mean (count_k·c_k + Σ_{i→k} z_i) / (count_k + m_k), m_k being
 * the number of batch samples assigned to k; whatever their order. That closed form is what is
 * computed here, for the whole batch in one go. The assignments themselves come from the centres
 * before the update, as in the paper (all samples are assigned first, then M moves).
 */
final class CountRule {
    private CountRule() {
    }

    /** The updated centres (K, d) and counts (K), in the manager of {@code centres}. */
    static NDArray[] update(NDArray centres, NDArray counts, NDArray z, NDArray assignments) {
        int k = (int) centres.getShape().get(0);
        NDArray oneHot = assignments.oneHot(k);
        NDArray newCounts = counts.add(oneHot.sum(new int[] {0}));
        NDArray sums = oneHot.transpose().matMul(z);
        NDArray newCentres = centres.mul(counts.reshape(k, 1)).add(sums).div(newCounts.reshape(k, 1));
        return new NDArray[] {newCentres, newCounts};
    }
}
