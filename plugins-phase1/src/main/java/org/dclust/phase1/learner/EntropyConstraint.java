package org.dclust.phase1.learner;

/**
 * SeCu's entropy constraint ({@code entropy}; Qian, ICCV 2023, section 3.3, "global entropy
 * constraint"; idstcv/SeCu {@code secu/builder.py}, {@code gen_label_entropy} and {@code update_count}):
 * the assignment maximises the score minus α times the change that moving the sample would make to
 * Σ_k q_k log q_k, the negative entropy of the global cluster sizes q = n / N (n_k: the samples whose
 * last assignment is k, over the whole data, never reset). With f(q) = q log q (f(0) = 0):
 *
 * <pre>
 * first epoch (n counts the samples assigned so far, B = Σ n; none yet: y_i = argmax_k s_ik):
 *   Δ_k = f((n_k + 1)/(B + 1)) − f(n_k/(B + 1))                    (the same for every sample of the batch)
 * later epochs (B = N; sample i now in cluster l):
 *   Δ_il = 0,  Δ_ik = f((n_l − 1)/N) − f(n_l/N) + f((n_k + 1)/N) − f(n_k/N)   for k ≠ l
 * y_i = argmax_k (s_ik − α Δ_ik)
 * </pre>
 *
 * and after the batch the counts follow the moves. α is the weight (SeCu: 6000, for CIFAR's 50,000
 * samples: the changes are of order 1/N).
 */
final class EntropyConstraint implements AssignmentConstraint {
    private final int k;
    private final double alpha;
    private final long[] counts;
    private boolean first;

    /** @param alpha the weight α &gt; 0 of the entropy term (SeCu: 6000) */
    EntropyConstraint(int k, double alpha) {
        this.k = k;
        this.alpha = alpha;
        this.counts = new long[k];
    }

    /** In the first epoch the counts start from zero; later they are the sizes of the clusters in {@code memory}. */
    @Override
    public void startEpoch(int epoch, long[] memory) {
        java.util.Arrays.fill(counts, 0);
        first = epoch == 0;
        if (!first) {
            for (long c : memory) {
                counts[(int) c]++;
            }
        }
    }

    /** The global cluster sizes n (updated in place). */
    long[] counts() {
        return counts;
    }

    @Override
    public long[] assign(float[] scores, int b, long[] previous) {
        double[][] delta = change(previous, b);
        long[] y = new long[b];
        double[] offset = new double[k];
        for (int i = 0; i < b; i++) {
            if (delta != null) {
                for (int j = 0; j < k; j++) {
                    offset[j] = -alpha * delta[i][j];
                }
            }
            y[i] = AssignmentConstraint.argMax(scores, i * k, k, offset);
        }
        for (int i = 0; i < b; i++) {
            counts[(int) y[i]]++;
            if (previous != null) {
                counts[(int) previous[i]]--;
            }
        }
        return y;
    }

    /**
     * Δ (b, K) for the current counts: the change of Σ q log q if sample i joined cluster k; null in
     * the first epoch before any sample was counted (a plain argmax).
     *
     * @param previous the samples' clusters, or null in the first epoch
     */
    double[][] change(long[] previous, int b) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (previous == null) {
            if (total == 0) {
                return null;
            }
            double base = total + 1.0;
            double[] gain = new double[k];
            for (int j = 0; j < k; j++) {
                gain[j] = f((counts[j] + 1) / base) - f(counts[j] / base);
            }
            double[][] out = new double[b][];
            java.util.Arrays.fill(out, gain);
            return out;
        }
        double base = total;
        double[][] out = new double[b][k];
        for (int i = 0; i < b; i++) {
            int l = (int) previous[i];
            double leave = f((counts[l] - 1) / base) - f(counts[l] / base);
            for (int j = 0; j < k; j++) {
                out[i][j] = j == l ? 0 : leave + f((counts[j] + 1) / base) - f(counts[j] / base);
            }
        }
        return out;
    }

    /** q log q, 0 for q ≤ 0. */
    private static double f(double q) {
        return q > 0 ? q * Math.log(q) : 0;
    }
}
