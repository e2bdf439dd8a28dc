package org.dclust.api.data;

import java.util.List;
import org.dclust.api.DclustException;

/**
 * Value normalisations a data set can be loaded with, computed over the whole (final) data set and
 * applied in place to the loader's own array:
 * <ul>
 *   <li>{@code none}: values as read;
 *   <li>{@code unit}: all values mapped affinely to [0, 1] by the data set's smallest and largest value
 *       (one scale for all features, so their relative sizes are kept);
 *   <li>{@code standardize}: each feature to zero mean and unit variance;
 *   <li>{@code channel}: each channel of C×H×W (or C×D×H×W) samples to zero mean and unit variance,
 *       the statistics taken over all samples and positions of that channel.
 * </ul>
 * A constant feature or channel is only shifted to 0; statistics are accumulated in double precision.
 */
final class Normalization {
    static final String NONE = "none";
    static final String UNIT = "unit";
    static final String STANDARDIZE = "standardize";
    static final String CHANNEL = "channel";
    static final List<String> KINDS = List.of(NONE, UNIT, STANDARDIZE, CHANNEL);

    private Normalization() {
    }

    /**
     * Normalises {@code values} (sample-major, samples of {@code sampleShape}) in place.
     *
     * @param what the data set's name, for messages
     */
    static void apply(String kind, float[] values, int[] sampleShape, String what) {
        int f = 1;
        for (int s : sampleShape) {
            f *= s;
        }
        switch (kind) {
            case NONE:
                return;
            case UNIT:
                unit(values);
                return;
            case STANDARDIZE:
                // every feature is its own group
                grouped(values, f, f, 1);
                return;
            case CHANNEL:
                if (sampleShape.length < 2) {
                    throw new DclustException("normalize = channel needs images (channels × height × width), but the samples of "
                            + what + " are vectors of " + f + " values; use normalize = standardize for per-feature statistics");
                }
                grouped(values, f, sampleShape[0], f / sampleShape[0]);
                return;
            default:
                throw new IllegalArgumentException("unknown normalisation " + kind);
        }
    }

    private static void unit(float[] v) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double scale = hi > lo ? 1.0 / ((double) hi - lo) : 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((v[i] - (double) lo) * scale);
        }
    }

    /**
     * Standardises groups of values in two passes (mean, then variance): each sample of {@code f}
     * values is {@code groups} runs of {@code run} consecutive values, run g belonging to group g.
     * Per feature: groups = f, run = 1; per channel: groups = C, run = H·W.
     */
    private static void grouped(float[] v, int f, int groups, int run) {
        int n = v.length / f;
        double[] sum = new double[groups];
        for (int i = 0; i < n; i++) {
            for (int g = 0, j = i * f; g < groups; g++) {
                for (int end = j + run; j < end; j++) {
                    sum[g] += v[j];
                }
            }
        }
        double count = (double) n * run;
        double[] mean = new double[groups];
        for (int g = 0; g < groups; g++) {
            mean[g] = sum[g] / count;
        }
        double[] sq = new double[groups];
        for (int i = 0; i < n; i++) {
            for (int g = 0, j = i * f; g < groups; g++) {
                double m = mean[g];
                for (int end = j + run; j < end; j++) {
                    double d = v[j] - m;
                    sq[g] += d * d;
                }
            }
        }
        for (int g = 0; g < groups; g++) {
            double var = sq[g] / count;
            sq[g] = var > 1e-12 ? 1 / Math.sqrt(var) : 1;
        }
        for (int i = 0; i < n; i++) {
            for (int g = 0, j = i * f; g < groups; g++) {
                double m = mean[g];
                double s = sq[g];
                for (int end = j + run; j < end; j++) {
                    v[j] = (float) ((v[j] - m) * s);
                }
            }
        }
    }
}
