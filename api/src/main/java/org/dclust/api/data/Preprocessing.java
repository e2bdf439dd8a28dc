package org.dclust.api.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;
import org.dclust.api.DclustException;

/**
 * Input preprocessing fitted on the training data and saved with the model, so new data is treated
 * exactly as the training data was: {@code none}, {@code minmax} (each feature scaled to [0, 1] by
 * the training minimum and maximum) or {@code standardize} (each feature to zero mean and unit
 * variance). Applied as {@code (x - shift) * scale} per feature.
 */
public final class Preprocessing {
    private final String kind;
    private final float[] shift;
    private final float[] scale;

    @JsonCreator
    public Preprocessing(@JsonProperty("kind") String kind, @JsonProperty("shift") float[] shift,
            @JsonProperty("scale") float[] scale) {
        this.kind = kind;
        this.shift = shift;
        this.scale = scale;
    }

    /** The identity. */
    public static Preprocessing none() {
        return new Preprocessing("none", null, null);
    }

    /** Fits the named preprocessing ({@code none}, {@code minmax}, {@code standardize}) on a data set. */
    public static Preprocessing fit(String kind, Dataset data) {
        String k = kind.toLowerCase(Locale.ROOT);
        int f = data.featureSize();
        int n = data.size();
        float[] v = data.values();
        float[] shift = new float[f];
        float[] scale = new float[f];
        switch (k) {
            case "none":
                return none();
            case "minmax": {
                float[] lo = new float[f];
                float[] hi = new float[f];
                Arrays.fill(lo, Float.POSITIVE_INFINITY);
                Arrays.fill(hi, Float.NEGATIVE_INFINITY);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < f; j++) {
                        float x = v[i * f + j];
                        lo[j] = Math.min(lo[j], x);
                        hi[j] = Math.max(hi[j], x);
                    }
                }
                for (int j = 0; j < f; j++) {
                    shift[j] = lo[j];
                    scale[j] = hi[j] > lo[j] ? 1f / (hi[j] - lo[j]) : 1f;
                }
                break;
            }
            case "standardize": {
                double[] sum = new double[f];
                double[] sq = new double[f];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < f; j++) {
                        double x = v[i * f + j];
                        sum[j] += x;
                        sq[j] += x * x;
                    }
                }
                for (int j = 0; j < f; j++) {
                    double mean = sum[j] / n;
                    double var = Math.max(0, sq[j] / n - mean * mean);
                    shift[j] = (float) mean;
                    scale[j] = var > 1e-12 ? (float) (1 / Math.sqrt(var)) : 1f;
                }
                break;
            }
            default:
                throw new DclustException("unknown preprocessing '" + kind + "'; choose none, minmax or standardize");
        }
        return new Preprocessing(k, shift, scale);
    }

    @JsonProperty
    public String kind() {
        return kind;
    }

    @JsonProperty
    public float[] shift() {
        return shift;
    }

    @JsonProperty
    public float[] scale() {
        return scale;
    }

    /** Applies to sample-major values of {@code featureSize} features each; returns a new array. */
    public float[] apply(float[] values, int featureSize) {
        if (shift == null) {
            return values;
        }
        if (shift.length != featureSize) {
            throw new DclustException("the model was fitted on samples of " + shift.length + " values; these have " + featureSize);
        }
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            int j = i % featureSize;
            out[i] = (values[i] - shift[j]) * scale[j];
        }
        return out;
    }

    /** Applies to a whole data set. */
    public Dataset apply(Dataset data) {
        return shift == null ? data : data.withValues(apply(data.values(), data.featureSize()));
    }
}
