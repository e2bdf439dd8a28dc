package org.dclust.bench;

import java.util.List;

/**
 * The interleaved epoch times of one phase, dclust's and the bare loop's, and the ratio of their
 * medians (the figure {@code dclust bench} reports; its goal is at most {@link #GOAL}).
 */
public record PhaseTiming(String phase, int batchSize, List<Double> dclustSeconds, List<Double> bareSeconds) {
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

    static double median(List<Double> xs) {
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
