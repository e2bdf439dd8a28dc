package org.dclust.framework.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What a run is, as result.json's {@code identity} records it: the plugins with all their resolved
 * parameters, the data set's content fingerprint, K, the preset, the preprocessing, the seed, the
 * device type, the versions, and, when the run asked for them, the range K was estimated in and the
 * epoch selection. Two runs with equal identities (versions aside) compute the same
 * thing; a study compares them to decide whether a cell can be reused ({@link IdentityChanges}), and a resumed run to check it continues what it started.
 *
 * @param clusters K; for a run that estimates K, 0 until the estimate (identity.json, written before
 *     training) and the estimate in result.json
 * @param clustersSource where K came from ("--clusters", "the data set's 10 classes")
 * @param device the device type ("cpu", "gpu")
 * @param versions dclust, DJL, libtorch and Java versions
 * @param clustersAuto the range K is estimated in ("2..20"; absent when K is given or the classes')
 * @param selectEpoch the label-free epoch selection ("silhouette", "max:participation"; absent: the final epoch)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunIdentity(DatasetIdentity dataset, PluginIdentity backbone, PluginIdentity learner, PluginIdentity refiner, int clusters,
        String clustersSource, String preset, String preprocessing, long seed, String device, Map<String, String> versions,
        @JsonInclude(JsonInclude.Include.NON_NULL) String clustersAuto, @JsonInclude(JsonInclude.Include.NON_NULL) String selectEpoch) {

    /** An identity of a run with K given (or the classes') and the final epochs kept. */
    public RunIdentity(DatasetIdentity dataset, PluginIdentity backbone, PluginIdentity learner, PluginIdentity refiner, int clusters,
            String clustersSource, String preset, String preprocessing, long seed, String device, Map<String, String> versions) {
        this(dataset, backbone, learner, refiner, clusters, clustersSource, preset, preprocessing, seed, device, versions, null, null);
    }

    /** This identity with K as estimated. */
    public RunIdentity withClusters(int k) {
        return new RunIdentity(dataset, backbone, learner, refiner, k, clustersSource, preset, preprocessing, seed, device, versions,
                clustersAuto, selectEpoch);
    }

    /** A plugin by name with every parameter as resolved (defaults, preset and user settings). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PluginIdentity(String name, Map<String, Object> params) {
    }

    /**
     * The data set: its plugin and parameters, the fingerprint of its content, its size, the shape of a
     * sample, the number of classes present and their original labels (absent without labels).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DatasetIdentity(String name, Map<String, Object> params, String fingerprint, int size, int[] sampleShape,
            int numClasses, List<String> classes) {
    }
}
