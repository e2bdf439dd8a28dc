package org.dclust.phase1.learner;

/**
 * How SeCu assigns a batch to one head's K clusters under a global constraint on the cluster sizes
 * (Qian, ICCV 2023, section 3.3; idstcv/SeCu {@code secu/builder.py}, {@code gen_label_size} and
 * {@code gen_label_entropy}): without one, every sample would join the centre nearest to the
 * (initially uniform) features and the clusters would collapse. Both variants keep their state in
 * Java arrays that the learner checkpoints.
 */
interface AssignmentConstraint {
    /**
     * Called before the first batch of every epoch.
     *
     * @param memory each sample's assignment so far (its last one; not yet meaningful in epoch 0)
     */
    void startEpoch(int epoch, long[] memory);

    /**
     * The clusters of a batch, and the constraint's own update for it.
     *
     * @param scores the mean of the two views' scores x·c_k, b rows of K, row-major
     * @param previous each sample's assignment of the previous epoch, or null in the first epoch
     * @return the b cluster ids
     */
    long[] assign(float[] scores, int b, long[] previous);

    /** The index of the largest of {@code row[j] + offset[j]}, j &lt; k, for the row starting at {@code from} (the first on a tie). */
    static int argMax(float[] row, int from, int k, double[] offset) {
        int best = 0;
        double top = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            double v = row[from + j] + offset[j];
            if (v > top) {
                top = v;
                best = j;
            }
        }
        return best;
    }
}
