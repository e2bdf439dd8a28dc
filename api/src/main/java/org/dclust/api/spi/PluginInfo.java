package org.dclust.api.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dclust.api.param.ParamSpec;

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
}
