package org.dclust.framework.run;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.toolkit.Atomic;
import org.dclust.api.toolkit.ClusterUse;
import org.dclust.api.train.EngineThreads;
import org.dclust.api.train.KeptEpoch;
import org.dclust.framework.select.KEstimate;

/**
 * The record of one run, typed: what result.json holds, what the CLI prints, what a study reports and
 * what the library's {@link RunResult} hands back. The identity part ({@link RunIdentity}) is kept apart
 * from the volatile part ({@link Times}: clock times, host, timings, per-epoch values), so two records of
 * the same work compare equal on their identities.
 *
 * <p>Format {@value #FORMAT}, version {@value #VERSION}; its JSON fields are {@code format,
 * formatVersion, identity, metrics, internal, clusterSizes, volatile}, {@code kEstimate} and
 * {@code keptEpochs} for a run that estimated K or selected epochs, and {@code warnings} for a run
 * that warned.
 *
 * @param metrics label-based metrics by name (ACC, NMI, ARI, F1...; empty without labels), as fractions
 * @param internal internal indices of the latent space by name (silhouette, Calinski-Harabasz, Davies-Bouldin)
 * @param clusterSizes the number of samples assigned to each of the K clusters
 * @param times the volatile part (JSON field {@code volatile})
 * @param kEstimate how K was estimated without labels (the chosen K, each method's vote, the curves, why); null when K was given
 * @param keptEpochs per clustering phase, the epoch kept by a label-free epoch selection and its score; empty without one
 * @param warnings the warnings the run printed (collapsed clusters, an autoencoder that learned little...), also those
 *     of a phase loaded from a cache; empty when none (and in records written before dclust kept them)
 */
@JsonPropertyOrder({"format", "formatVersion", "identity", "metrics", "internal", "clusterSizes", "kEstimate", "keptEpochs", "warnings",
        "volatile"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunRecord(String format, int formatVersion, RunIdentity identity, Map<String, Double> metrics, Map<String, Double> internal,
        int[] clusterSizes, @JsonProperty("volatile") Times times, @JsonInclude(JsonInclude.Include.NON_NULL) KEstimate kEstimate,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, KeptEpoch> keptEpochs,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

    /** A record read from an earlier result.json has no kept epochs and no warnings. */
    public RunRecord {
        keptEpochs = keptEpochs == null ? Map.of() : keptEpochs;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The format name in result.json. */
    public static final String FORMAT = "dclust-result";
    /** The format version this dclust writes and reads. */
    public static final int VERSION = 1;

    /** A record of this format and version. */
    public static RunRecord of(RunIdentity identity, Map<String, Double> metrics, Map<String, Double> internal, int[] clusterSizes,
            Times times) {
        return new RunRecord(FORMAT, VERSION, identity, metrics, internal, clusterSizes, times, null, Map.of(), List.of());
    }

    /** A record of this format and version, with how K was estimated (or null) and the epochs kept by a selection. */
    public static RunRecord of(RunIdentity identity, Map<String, Double> metrics, Map<String, Double> internal, int[] clusterSizes,
            Times times, KEstimate kEstimate, Map<String, KeptEpoch> keptEpochs) {
        return of(identity, metrics, internal, clusterSizes, times, kEstimate, keptEpochs, List.of());
    }

    /** A record of this format and version, with how K was estimated (or null), the epochs kept by a selection and the run's warnings. */
    public static RunRecord of(RunIdentity identity, Map<String, Double> metrics, Map<String, Double> internal, int[] clusterSizes,
            Times times, KEstimate kEstimate, Map<String, KeptEpoch> keptEpochs, List<String> warnings) {
        return new RunRecord(FORMAT, VERSION, identity, metrics, internal, clusterSizes, times, kEstimate, keptEpochs, warnings);
    }

    /**
     * The volatile part: when and where the run ran and how long each part took.
     *
     * @param cores the processors Java sees
     * @param cpu the processor ({@link HostCpu}; null in records written before dclust recorded it):
     *     libtorch's kernels follow its instruction sets, so another processor may train another model
     * @param threads libtorch's intra-op thread count during the run ({@link EngineThreads}; -1 unknown,
     *     null in records written before dclust recorded it). It changes the order of floating-point
     *     sums, so two runs of the same identity on different thread counts may differ in the last bits
     *     and, through them, in a label; the cache keys hold it for that reason
     * @param wallSeconds seconds per part ({@code load, phase1, phase2, evaluate, total})
     * @param secondsPerEpoch the median seconds of an epoch, per phase that trained in this process
     * @param epochs every epoch's report, per phase
     * @param series the series phases reported at their end, by "phase.name"
     * @param refinerPhases the phases of {@code secondsPerEpoch} and {@code epochs} that the refiner
     *     ran (phase 2); the others are the learner's (phase 1). Null in records written before dclust
     *     recorded it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Times(String started, String finished, String host, int cores, String cpu, Integer threads, Map<String, Double> wallSeconds,
            Map<String, Double> secondsPerEpoch, Map<String, List<EpochLine>> epochs, Map<String, double[]> series, List<String> refinerPhases) {
    }

    /** One epoch of a phase: its number (1-based), its seconds and the values the plugin reported (loss...). */
    public static final class EpochLine {
        private final int epoch;
        private final double seconds;
        private final Map<String, Double> values = new LinkedHashMap<>();

        @JsonCreator
        public EpochLine(@JsonProperty("epoch") int epoch, @JsonProperty("seconds") double seconds) {
            this.epoch = epoch;
            this.seconds = seconds;
        }

        /** An epoch line with its values. */
        public static EpochLine of(int epoch, double seconds, Map<String, Double> values) {
            EpochLine line = new EpochLine(epoch, seconds);
            line.values.putAll(values);
            return line;
        }

        @JsonProperty
        public int epoch() {
            return epoch;
        }

        @JsonProperty
        public double seconds() {
            return seconds;
        }

        /** The reported values by name, written beside epoch and seconds. */
        @JsonAnyGetter
        public Map<String, Double> values() {
            return values;
        }

        @JsonAnySetter
        void value(String name, Double value) {
            values.put(name, value);
        }
    }

    /** The share of the samples in the largest cluster; NaN without samples. */
    public double largestShare() {
        if (clusterSizes == null || Arrays.stream(clusterSizes).allMatch(s -> s == 0)) {
            return Double.NaN;
        }
        return use().get(ClusterUse.LARGEST);
    }

    /** The number of clusters with no sample; -1 when the record holds no sizes. */
    public int emptyClusters() {
        return clusterSizes == null ? -1 : clusterSizes.length - use().get(ClusterUse.USED).intValue();
    }

    /** The toolkit's count of the sizes (the one every learner and refiner reports per epoch). */
    private Map<String, Double> use() {
        return ClusterUse.of(Arrays.stream(clusterSizes).asLongStream().toArray());
    }

    /** The record as a plain map (for a model's manifest, which the api module writes). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value) {
        return PipelineRunner.json().convertValue(value, Map.class);
    }

    /** Writes result.json (atomically). */
    public void write(Path file) throws IOException {
        Atomic.writeString(file, PipelineRunner.json().writeValueAsString(this));
    }

    /**
     * Reads a result.json.
     *
     * @throws DclustException when the file is unreadable, of another format or of a newer version
     */
    public static RunRecord read(Path file) {
        RunRecord r;
        try {
            r = PipelineRunner.json().readValue(file.toFile(), RunRecord.class);
        } catch (IOException e) {
            throw new DclustException(file + " is not a readable run record (" + e.getMessage() + ")");
        }
        if (!FORMAT.equals(r.format()) || r.formatVersion() < 1 || r.formatVersion() > VERSION) {
            throw new DclustException(file + " is a run record of format " + r.format() + " version " + r.formatVersion()
                    + "; this dclust reads " + FORMAT + " versions 1 to " + VERSION);
        }
        return r;
    }
}
