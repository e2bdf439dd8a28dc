package org.dclust.api.train;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.dclust.api.spi.InternalIndexProvider;

/**
 * Which epoch of a clustering phase a run keeps, chosen without labels: the final one (the default),
 * the one whose internal index of the latent codes and the phase's own assignment is best (silhouette,
 * Calinski-Harabasz, Davies-Bouldin: any {@link InternalIndexProvider}), or the one where a value the
 * phase reports per epoch is largest or smallest ({@code max:participation}, MNet's pair participation,
 * DCSS Fig. 11a). The shared epoch loop applies it to every phase whose state declares its partition
 * ({@link org.dclust.api.toolkit.TrainingState#partition}); see {@link org.dclust.api.toolkit.EpochLoop}.
 *
 * <p>Labels never enter: the indices score the codes against the phase's own clusters.
 */
public final class EpochSelection {
    /** Keep the final epoch (what every phase does without a selection). */
    public static final EpochSelection FINAL = new EpochSelection("final", null, null, false);

    private final String name;
    private final InternalIndexProvider index;
    private final String value;
    private final boolean higherIsBetter;

    private EpochSelection(String name, InternalIndexProvider index, String value, boolean higherIsBetter) {
        this.name = name;
        this.index = index;
        this.value = value;
        this.higherIsBetter = higherIsBetter;
    }

    /** The epoch whose {@code index} (of the codes and the phase's own clusters) is best, in the index's direction. */
    public static EpochSelection byIndex(InternalIndexProvider index) {
        Objects.requireNonNull(index, "index");
        return new EpochSelection(index.name(), index, null, index.higherIsBetter());
    }

    /**
     * The epoch where the reported per-epoch value {@code value} is largest ({@code higherIsBetter}) or
     * smallest; named {@code max:VALUE} or {@code min:VALUE}.
     */
    public static EpochSelection byValue(String value, boolean higherIsBetter) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a value to select the epoch by needs a name");
        }
        return new EpochSelection((higherIsBetter ? "max:" : "min:") + value, null, value, higherIsBetter);
    }

    /** Whether this keeps the final epoch (no selection). */
    public boolean isFinal() {
        return index == null && value == null;
    }

    /** {@code final}, the index's name ({@code silhouette}), or {@code max:NAME} / {@code min:NAME}. */
    public String name() {
        return name;
    }

    /** The reported per-epoch value this selects by ({@code max:NAME}, {@code min:NAME}), or null for an index or none. */
    public String value() {
        return value;
    }

    /** Whether this scores each epoch's partition with an internal index (rather than reading a reported value). */
    public boolean needsPartition() {
        return index != null;
    }

    /**
     * An epoch's score: the index of {@code codes} and {@code clusters}, or the reported value (NaN
     * when the phase does not report it, or the index is undefined there).
     *
     * @param codes latent codes of the scored samples (null when {@link #needsPartition()} is false)
     * @param clusters the phase's own cluster of each of them
     * @param reported the values the phase reported for the epoch
     * @param seed for an index that subsamples
     */
    public double score(float[][] codes, int[] clusters, Map<String, Double> reported, long seed) {
        if (isFinal()) {
            return Double.NaN;
        }
        if (index != null) {
            return index.score(codes, clusters, seed);
        }
        Double v = reported.get(value);
        return v == null ? Double.NaN : v;
    }

    /** Whether {@code a} is strictly better than {@code b} (a NaN is never better; anything finite beats NaN). */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) {
            return false;
        }
        if (Double.isNaN(b)) {
            return true;
        }
        return higherIsBetter ? a > b : a < b;
    }

    /** "the highest silhouette", "the lowest davies-bouldin", "the highest participation". */
    public String describe() {
        return (higherIsBetter ? "the highest " : "the lowest ") + (value != null ? value : name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name;
    }
}
