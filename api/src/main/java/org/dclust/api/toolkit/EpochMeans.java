package org.dclust.api.toolkit;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-epoch means of a phase's loss terms, for its epoch events: each batch adds its terms (batch
 * means) weighted by the batch size, and {@link #take} returns the per-sample means over the epoch
 * and starts the next. Labels have no place here: only what the training computes anyway.
 *
 * <pre>{@code
 * step: means.add(idx.length, "reconstruction", rec, "clustering", clu);
 * end:  epochsDone -> means.take()
 * }</pre>
 */
public final class EpochMeans {
    private final Map<String, Double> sums = new LinkedHashMap<>();
    private long samples;

    /**
     * Adds one batch: {@code batchSize} samples and, in pairs, each term's name and its batch mean: a
     * scalar {@link NDArray} (its float value times the batch size, in single precision) or a
     * {@link Number} (in double precision).
     */
    public void add(int batchSize, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object v = namesAndValues[i + 1];
            double sum = v instanceof NDArray a ? a.getFloat() * batchSize : ((Number) v).doubleValue() * batchSize;
            sums.merge((String) namesAndValues[i], sum, Double::sum);
        }
        samples += batchSize;
    }

    /** Each term's mean per sample over the batches added since the last call (0 without any), then resets. */
    public Map<String, Double> take() {
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((name, sum) -> out.put(name, samples == 0 ? 0.0 : sum / samples));
        sums.replaceAll((name, sum) -> 0.0);
        samples = 0;
        return out;
    }
}
