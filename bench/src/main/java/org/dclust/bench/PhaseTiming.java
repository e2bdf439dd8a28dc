package org.dclust.bench;

import java.util.List;

/**
 * The interleaved epoch times of one phase, dclust's and the bare loop's, the ratio of their medians
 * (the figure {@code dclust bench} reports; its goal is at most {@link #GOAL}), and the FLOPs of each
 * round's matrix products ({@link BareLoop#matmulFlops}), from which the achieved rate follows.
 *
 * <p>The first {@code warmUp} rounds are recorded but not counted: dclust's first epoch is the first
 * training epoch of the process and pays its warm-up (the JIT compiling the training path while the
 * epoch runs, libtorch's and malloc's first allocations), which the bare epoch after it no longer pays;
 * on two threads the compiler thread took up to half a core from the two OpenMP threads during that
 * epoch (README, "Speed: `dclust bench`"). Warm-up rounds before timing are what every benchmark
 * harness does (JMH's warm-up iterations).
 */
public record PhaseTiming(String phase, int batchSize, int warmUp, List<Double> dclustSeconds, List<Double> bareSeconds,
        List<Double> matmulFlops) {
    /** The target ratio of medians. */
    public static final double GOAL = 1.15;

    /** The rounds the medians count: those after the warm-up. */
    public int countedRounds() {
        return Math.max(0, dclustSeconds.size() - warmUp);
    }

    /** dclust's median epoch over the counted rounds. */
    public double dclustMedian() {
        return median(counted(dclustSeconds));
    }

    /** The bare loop's median epoch over the counted rounds. */
    public double bareMedian() {
        return median(counted(bareSeconds));
    }

    /** dclust's median epoch over the bare loop's. */
    public double ratio() {
        return dclustMedian() / bareMedian();
    }

    /** dclust's achieved matrix-product rate in GFLOP/s: the median over rounds of FLOPs over seconds. */
    public double dclustGflops() {
        return gflops(dclustSeconds);
    }

    /** The bare loop's achieved matrix-product rate in GFLOP/s. */
    public double bareGflops() {
        return gflops(bareSeconds);
    }

    private double gflops(List<Double> seconds) {
        List<Double> rates = new java.util.ArrayList<>();
        for (int i = warmUp; i < Math.min(seconds.size(), matmulFlops.size()); i++) {
            rates.add(matmulFlops.get(i) / seconds.get(i) / 1e9);
        }
        return median(rates);
    }

    private List<Double> counted(List<Double> xs) {
        return xs.subList(Math.min(warmUp, xs.size()), xs.size());
    }

    static double median(List<Double> xs) {
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
