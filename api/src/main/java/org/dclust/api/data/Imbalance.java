package org.dclust.api.data;

import java.util.Random;

/**
 * The class imbalance of the DCSS paper (Fig. 7): with retention rate r and K classes, each sample
 * of class c is kept with probability r + (1 − r)·c/(K − 1), so class 0 keeps a fraction r and the
 * last class keeps everything. One {@code java.util.Random(seed)} draws {@code nextDouble()} for
 * every sample in data set order; the sample is kept when the draw is below its class's probability.
 */
final class Imbalance {
    private Imbalance() {
    }

    /** The probability that a sample of class {@code c} of {@code classes} is kept. */
    static double retention(int c, int classes, double r) {
        return classes < 2 ? 1.0 : r + (1 - r) * c / (double) (classes - 1);
    }

    /**
     * The indices, ascending, of the samples kept.
     *
     * @param classes the number of classes K (labels are codes 0..K−1)
     */
    static int[] keep(int[] labels, int classes, double r, long seed) {
        Random rnd = new Random(seed);
        double[] p = new double[classes];
        for (int c = 0; c < classes; c++) {
            p[c] = retention(c, classes, r);
        }
        int[] kept = new int[labels.length];
        int k = 0;
        for (int i = 0; i < labels.length; i++) {
            if (rnd.nextDouble() < p[labels[i]]) {
                kept[k++] = i;
            }
        }
        return java.util.Arrays.copyOf(kept, k);
    }
}
