package org.dclust.framework.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one pipeline run is asked to do, as given on the command line, in a YAML file, or in code:
 * plugin names, K, a preset, parameter settings ({@code plugin.param → value}), seed and device. The
 * same fields serve {@code --config FILE.yaml}; unknown fields in a file are errors.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public final class RunConfig {
    /** The embedded default data set. */
    public static final String DEFAULT_DATASET = "fashion-mnist-small";
    /** The headline learner. */
    public static final String DEFAULT_LEARNER = "dcss";
    /** The headline refiner. */
    public static final String DEFAULT_REFINER = "mnet";
    /** The fields of a configuration file, in the order they are written. */
    public static final List<String> FIELDS = List.of("dataset", "learner", "refiner", "backbone", "clusters", "selectEpoch", "preset",
            "preprocessing", "seed", "device", "set");

    public String dataset = DEFAULT_DATASET;
    public String learner = DEFAULT_LEARNER;
    public String refiner = DEFAULT_REFINER;
    /** The backbone; null: the learner's default ({@link org.dclust.api.spi.LearnerProvider#defaultBackbone}), filled in when resolved. */
    public String backbone;
    /** K, or {@code auto:MIN..MAX} to estimate it without labels; null means the data set's declared number of classes. */
    public ClusterCount clusters;
    /**
     * Which epoch the clustering phases keep: null or {@code final} (the last), an internal index's name
     * ({@code silhouette}, {@code calinski-harabasz}, {@code davies-bouldin}), or {@code max:VALUE} /
     * {@code min:VALUE} for a value the phases report per epoch ({@code max:participation}).
     */
    public String selectEpoch;
    /** A preset name ({@code quick}, {@code default}, {@code paper}); null: see {@link #presetOrDefault()}. */
    public String preset;
    /** Input preprocessing fitted on the training data: none, minmax or standardize. */
    public String preprocessing = "none";
    public Long seed = 1L;
    /** auto, cpu or gpu. */
    public String device = "auto";
    /** Parameter settings keyed {@code plugin.param} where plugin is a plugin name or a role (dataset, learner, refiner, backbone). */
    public Map<String, Object> set = new LinkedHashMap<>();
    /**
     * Problems found while reading this configuration from a file ({@link ConfigFiles#read}), each
     * naming the file, line, column and field; {@link ConfigResolver} reports them with its own.
     * Never written out.
     */
    @JsonIgnore
    public List<String> readProblems = new ArrayList<>();

    /** A deep copy. */
    public RunConfig copy() {
        RunConfig c = new RunConfig();
        c.dataset = dataset;
        c.learner = learner;
        c.refiner = refiner;
        c.backbone = backbone;
        c.clusters = clusters;
        c.selectEpoch = selectEpoch;
        c.preset = preset;
        c.preprocessing = preprocessing;
        c.seed = seed;
        c.device = device;
        c.set = new LinkedHashMap<>(set);
        c.readProblems = new ArrayList<>(readProblems);
        return c;
    }

    /**
     * The preset actually used: the one given, else {@code quick} on the embedded 3,000-image data set
     * (so the headline finishes in minutes) and {@code default} everywhere else.
     */
    public String presetOrDefault() {
        if (preset != null) {
            return preset;
        }
        return DEFAULT_DATASET.equals(dataset) ? "quick" : "default";
    }
}
