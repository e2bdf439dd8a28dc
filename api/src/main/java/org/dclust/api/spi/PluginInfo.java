package org.dclust.api.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;

/**
 * What every provider tells about itself: a unique name, aliases, a one-line title, the paper it
 * implements, its parameter declarations and named presets. Providers are small and cheap: the heavy
 * object is built by the provider's factory method only when a run asks for it.
 */
public interface PluginInfo {
    /** The unique name used on the command line and in study files. */
    String name();

    /** Other names this plugin answers to. */
    default List<String> aliases() {
        return List.of();
    }

    /** A one-line title. */
    String title();

    /** A longer description: what it does, where its files come from, what a preset gives up. */
    default String description() {
        return "";
    }

    /** The paper this plugin implements, if any. */
    default Optional<Citation> paper() {
        return Optional.empty();
    }

    /** Every parameter this plugin takes, declared once. */
    default List<ParamSpec> parameters() {
        return List.of();
    }

    /**
     * Named parameter presets (for example {@code quick}, {@code default}, {@code paper}): each maps
     * parameter names to values applied before the user's own settings. A preset a plugin does not
     * name leaves its defaults alone.
     */
    default Map<String, Map<String, Object>> presets() {
        return Map.of();
    }

    /**
     * Checks the whole resolved parameter set for what no single declaration can say: one value
     * against another (MNet's {@code gamma <= zeta}), or a text value's form (a list of layer sizes).
     * Each value has passed its own declared range already. The framework calls this when a
     * configuration is resolved, before anything is loaded or trained, and reports every problem of a
     * run or a study together; a plugin's factory may rely on it having passed.
     *
     * @param params every declared parameter with its value
     * @return one line per problem, naming the parameters as {@code plugin.param} and saying what
     *     would be valid; empty when the set is sound
     */
    default List<String> validate(Params params) {
        return List.of();
    }

    /**
     * Checks the parameters against the data set the run trains on, for what only the data can say:
     * samples that are not images where the plugin needs images, fewer samples than a batch or a
     * queue. The framework calls it for a run's backbone, learner and refiner once the data is loaded
     * and K checked, before anything is written or trained (a run's directory, any cell of a study), so
     * a mistake does not leave a half-written run or stop a study after hours of other cells. A
     * plugin's factory may rely on it having passed.
     *
     * @param params every declared parameter with its value, after {@link #validate(Params)} passed
     * @param data the data set as loaded (its size and {@code sampleShape()}: the learner sees the same
     *     after the run's preprocessing, without labels); not to be trained on here
     * @return one line per problem, naming the parameter ({@code plugin.param}) or the data set, and
     *     saying what would work; empty when the data suits
     */
    default List<String> validate(Params params, Dataset data) {
        return List.of();
    }
}
