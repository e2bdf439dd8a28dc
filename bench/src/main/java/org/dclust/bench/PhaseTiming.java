package org.dclust.bench;

import java.util.List;

/**
 * The interleaved epoch times of one phase, dclust's and the bare loop's, the ratio of their medians
 * (the figure {@code dclust bench} reports; its goal is at most {@link #GOAL}), and the FLOPs of each
 * round's matrix products ({@link BareLoop#matmulFlops}), from which the achieved rate follows.
 */
public record PhaseTiming(String phase, int batchSize, List<Double> dclustSeconds, List<Double> bareSeconds, List<Double> matmulFlops) {
    /** The target ratio of medians. */
    public static final double GOAL = 1.15;

    public double dclustMedian() {
        return median(dclustSeconds);
    }

    public double bareMedian() {
        return median(bareSeconds);
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
        for (int i = 0; i < Math.min(seconds.size(), matmulFlops.size()); i++) {
            rates.add(matmulFlops.get(i) / seconds.get(i) / 1e9);
        }
        return median(rates);
    }

    static double median(List<Double> xs) {
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
