package org.dclust.phase1.learner;

/**
 * SeCu's cluster-size constraint ({@code size}, the default; Qian, ICCV 2023, section 3.3; idstcv/SeCu
 * {@code secu/builder.py}, {@code gen_label_size} and {@code update_dual_mini_batch}): every cluster
 * should hold at least γ/K of the samples, a lower bound enforced per batch by dual ascent. With dual
 * variables ρ (K, zero at the start, never reset):
 *
 * <pre>
 * y_i = argmax_k (s_ik + ρ_k)                              (s: the mean of the two views' x·c_k)
 * ρ_k ← max(0, ρ_k + η (γ/K − n_k/b))                      (n_k: the batch's members of k, b its size)
 * </pre>
 *
 * A cluster that gets fewer than its share raises its ρ_k, and with it its score, until it gets
 * members. As the authors', the clamp at 0 applies only for γ &lt; 1 (γ = 1 asks for exactly equal sizes
 * and lets ρ go negative too).
 */
final class SizeConstraint implements AssignmentConstraint {
    private final int k;
    private final double eta;
    private final double gamma;
    private final float[] duals;

    /**
     * @param eta the dual step η (SeCu: 0.1)
     * @param gamma the lower bound's ratio γ ∈ (0, 1] (SeCu: 0.9)
     */
    SizeConstraint(int k, double eta, double gamma) {
        this.k = k;
        this.eta = eta;
        this.gamma = gamma;
        this.duals = new float[k];
    }

    /** The dual variables ρ, updated in place (checkpointed by the learner). */
    float[] duals() {
        return duals;
    }

    @Override
    public void startEpoch(int epoch, long[] memory) {
    }

    @Override
    public long[] assign(float[] scores, int b, long[] previous) {
        double[] rho = new double[k];
        for (int j = 0; j < k; j++) {
            rho[j] = duals[j];
        }
        long[] y = new long[b];
        long[] counts = new long[k];
        for (int i = 0; i < b; i++) {
            y[i] = AssignmentConstraint.argMax(scores, i * k, k, rho);
            counts[(int) y[i]]++;
        }
        update(counts, b);
        return y;
    }

    /** The dual step for a batch of {@code b} samples with {@code counts} members per cluster. */
    void update(long[] counts, int b) {
        for (int j = 0; j < k; j++) {
            double next = duals[j] + eta * (gamma / k - (double) counts[j] / b);
            duals[j] = (float) (gamma < 1 ? Math.max(0, next) : next);
        }
    }
}
