package org.dclust.framework.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dclust.api.spi.PluginInfo;

/**
 * The plugins of one learner entry's cells: its learner, its backbone (the entry's, the study's, or
 * the learner's default) and the study's refiners.
 */
record EntryPlugins(PluginInfo learner, PluginInfo backbone, List<PluginInfo> refiners) {
    /** The setting prefixes (lower case) that name these plugins (any of the study's refiners) or their roles. */
    Set<String> prefixes() {
        return roles(null).keySet();
    }

    /** The names of these plugins (not their aliases): learner, backbone, refiners. */
    List<String> names() {
        List<String> out = new ArrayList<>(List.of(learner.name(), backbone.name()));
        refiners.forEach(r -> out.add(r.name()));
        return out;
    }

    /** Prefix (lower case) → role for the cells with {@code refiner} (null: any of the study's refiners). */
    Map<String, String> roles(PluginInfo refiner) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String role : List.of("learner", "refiner", "backbone")) {
            out.put(role, role);
        }
        name(out, learner, "learner");
        name(out, backbone, "backbone");
        for (PluginInfo r : refiner != null ? List.of(refiner) : refiners) {
            name(out, r, "refiner");
        }
        return out;
    }

    /** The plugin of {@code role} in the cells with {@code refiner}. */
    PluginInfo inRole(String role, PluginInfo refiner) {
        return switch (role) {
            case "learner" -> learner;
            case "backbone" -> backbone;
            default -> refiner;
        };
    }

    private static void name(Map<String, String> out, PluginInfo p, String role) {
        out.putIfAbsent(p.name().toLowerCase(Locale.ROOT), role);
        p.aliases().forEach(a -> out.putIfAbsent(a.toLowerCase(Locale.ROOT), role));
    }
}
