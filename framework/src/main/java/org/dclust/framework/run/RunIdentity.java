package org.dclust.framework.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What a run is, as result.json's {@code identity} records it: the plugins with all their resolved
 * parameters, the data set's content fingerprint, K, the preset, the preprocessing, the seed, the
 * device type and the versions. Two runs with equal identities (versions aside) compute the same
 * thing; a study compares them to decide whether a cell can be reused ({@link IdentityChanges}), and a resumed run to check it continues what it started.
 *
 * @param clustersSource where K came from ("--clusters", "the data set's 10 classes")
 * @param device the device type ("cpu", "gpu")
 * @param versions dclust, DJL, libtorch and Java versions
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunIdentity(DatasetIdentity dataset, PluginIdentity backbone, PluginIdentity learner, PluginIdentity refiner, int clusters,
        String clustersSource, String preset, String preprocessing, long seed, String device, Map<String, String> versions) {

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
