package org.dclust.framework.study;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.dclust.api.DclustException;
import org.dclust.api.param.InvalidParameterException;
import org.dclust.api.param.Params;
import org.dclust.api.spi.DatasetProvider;
import org.dclust.api.spi.PluginInfo;
import org.dclust.api.spi.RefinerProvider;
import org.dclust.framework.config.ConfigResolver;
import org.dclust.framework.registry.PluginRegistry;

/**
 * Where a study's settings come from: the study's {@code set}, a learner entry's, a refiner entry's or
 * a data set entry's. A problem of a setting (a key that names no plugin, a parameter the plugin does not take,
 * a value it cannot take) names that set and the study file:
 * "s.yaml, learner entry ae-x's set: unknown parameter ae.pretrainEpochz; ae takes: ...".
 */
final class StudySettings {
    private static final List<String> STUDY_ROLES = List.of("dataset", "backbone", "learner", "refiner");
    private static final List<String> ENTRY_ROLES = List.of("backbone", "learner", "refiner");
    private final StudyFile s;
    private final PluginRegistry registry;
    /** (origin, plugin, preset, values) → the problems of those values alone over the preset. */
    private final Map<List<Object>, List<String>> checked = new HashMap<>();

    StudySettings(StudyFile s, PluginRegistry registry) {
        this.s = s;
        this.registry = registry;
    }

    /** Adds a problem, naming its set, for every setting key that names no plugin of the cells it is for. */
    void checkKeys(Map<StudyFile.LearnerEntry, EntryPlugins> plugins, Set<String> problems) {
        Set<String> prefixes = new LinkedHashSet<>(List.of("dataset"));
        Set<String> names = new LinkedHashSet<>();
        plugins.values().forEach(p -> {
            prefixes.addAll(p.prefixes());
            names.addAll(p.names());
        });
        checkKeys(s.set.keySet(), prefixes, key -> origin("the study's set") + "setting '" + key + "' names no plugin of this study; "
                + ConfigResolver.howToName(STUDY_ROLES, names), problems);
        plugins.forEach((entry, p) -> checkKeys(entry.set.keySet(), p.prefixes(), key -> origin(entrySet(entry)) + "setting '" + key
                + "' names no plugin of its cells; " + ConfigResolver.howToName(ENTRY_ROLES, p.names()), problems));
        for (StudyFile.RefinerEntry entry : s.refiners) {
            PluginInfo refiner = find(RefinerProvider.class, entry.refiner());
            if (refiner == null) {
                continue; // reported with the study's plugins
            }
            Set<String> own = new LinkedHashSet<>(List.of("refiner", refiner.name().toLowerCase(Locale.ROOT)));
            refiner.aliases().forEach(a -> own.add(a.toLowerCase(Locale.ROOT)));
            checkKeys(entry.set.keySet(), own, key -> origin(entrySet(entry)) + "setting '" + key + "' names no parameter of its refiner "
                    + refiner.name() + "; a refiner entry sets only its own refiner's parameters: " + refiner.name() + ".PARAM or refiner.PARAM",
                    problems);
            Map<String, String> byParam = new LinkedHashMap<>();
            for (String key : entry.set.keySet()) {
                if (own.contains(prefix(key))) {
                    String other = byParam.putIfAbsent(param(key), key);
                    if (other != null) {
                        problems.add(origin(entrySet(entry)) + "settings '" + other + "' and '" + key + "' both set the refiner's "
                                + param(key) + "; give it once");
                    }
                }
            }
        }
    }

    /**
     * A problem of a cell's configuration, beginning with the set whose settings alone (over the
     * preset's values) cause it; null when none does (a problem of the preset's values, of two sets
     * together, or not of a setting).
     *
     * @param p the plugins of the cell's learner entry
     * @param preset the preset the cell's configuration applies
     */
    String attribute(StudyCell cell, EntryPlugins p, String preset, String problem) {
        for (Map.Entry<String, Map<PluginInfo, Map<String, Object>>> origin : given(cell, p).entrySet()) {
            for (Map.Entry<PluginInfo, Map<String, Object>> plugin : origin.getValue().entrySet()) {
                List<Object> key = List.of(origin.getKey(), plugin.getKey().name(), preset, plugin.getValue());
                if (checked.computeIfAbsent(key, k -> problems(plugin.getKey(), preset, plugin.getValue())).contains(problem)) {
                    return origin.getKey() + problem;
                }
            }
        }
        return null;
    }

    /** The problems of a plugin's parameters with these values over the preset's. */
    private static List<String> problems(PluginInfo plugin, String preset, Map<String, Object> given) {
        Map<String, Object> values = new LinkedHashMap<>(plugin.presets().getOrDefault(preset, Map.of()));
        values.putAll(given);
        try {
            return plugin.validate(Params.resolve(plugin.name(), plugin.parameters(), values));
        } catch (InvalidParameterException e) {
            return e.problems();
        } catch (RuntimeException e) {
            return List.of(); // a plugin that cannot check these values alone: its problem stays the cell's
        }
    }

    /**
     * Origin ("FILE, the study's set: ") → plugin → the parameters that set gives it in this cell, as
     * {@link StudyRunner} builds the cell's configuration: a study setting reaches a plugin unless the
     * entry's set (or, for the data set, the data set entry's) sets the same parameter.
     */
    private Map<String, Map<PluginInfo, Map<String, Object>>> given(StudyCell cell, EntryPlugins p) {
        Map<String, Map<PluginInfo, Map<String, Object>>> out = new LinkedHashMap<>();
        String study = origin("the study's set");
        PluginInfo refiner = find(RefinerProvider.class, cell.refiner().refiner());
        if (refiner != null) {
            Map<String, String> roles = p.roles(refiner);
            Set<String> byRefiner = new HashSet<>();
            cell.refiner().set.keySet().forEach(k -> byRefiner.add(slot(k, roles)));
            Set<String> overridden = new HashSet<>(byRefiner);
            cell.learner().set.keySet().forEach(k -> overridden.add(slot(k, roles)));
            s.set.forEach((key, value) -> {
                String slot = slot(key, roles);
                if (slot != null && !overridden.contains(slot)) {
                    values(out, study, p.inRole(role(slot), refiner)).put(param(slot), value);
                }
            });
            String own = origin(entrySet(cell.learner()));
            cell.learner().set.forEach((key, value) -> {
                String slot = slot(key, roles);
                if (slot != null && !byRefiner.contains(slot)) {
                    values(out, own, p.inRole(role(slot), refiner)).put(param(slot), value);
                }
            });
            String refinerOwn = origin(entrySet(cell.refiner()));
            cell.refiner().set.forEach((key, value) -> {
                String slot = slot(key, roles);
                if (slot != null && role(slot).equals("refiner")) {
                    values(out, refinerOwn, refiner).put(param(slot), value);
                }
            });
        }
        StudyFile.DatasetEntry d = cell.dataset();
        PluginInfo dataset = find(DatasetProvider.class, d.name);
        if (dataset != null) {
            s.set.forEach((key, value) -> {
                if (prefix(key).equals("dataset") && !d.set.containsKey(param(key))) {
                    values(out, study, dataset).put(param(key), value);
                }
            });
            values(out, origin("data set entry " + d.label() + "'s set"), dataset).putAll(d.set);
        }
        return out;
    }

    private <P extends PluginInfo> P find(Class<P> kind, String name) {
        try {
            return registry.get(kind, name);
        } catch (DclustException e) {
            return null; // reported by the cell's configuration
        }
    }

    private static Map<String, Object> values(Map<String, Map<PluginInfo, Map<String, Object>>> given, String origin, PluginInfo plugin) {
        return given.computeIfAbsent(origin, k -> new LinkedHashMap<>()).computeIfAbsent(plugin, k -> new LinkedHashMap<>());
    }

    /** "learner entry NAME's set". */
    private static String entrySet(StudyFile.LearnerEntry entry) {
        return "learner entry " + entry.name + "'s set";
    }

    /** "refiner entry NAME's set". */
    private static String entrySet(StudyFile.RefinerEntry entry) {
        return "refiner entry " + entry.name + "'s set";
    }

    /** Where a problem comes from, to begin its message: "FILE, WHAT: " (no file for a study made in code). */
    private String origin(String what) {
        return (s.file != null ? s.file + ", " : "") + what + ": ";
    }

    /** Adds a problem for every setting key whose plugin (before the last dot) is not in {@code prefixes}. */
    private static void checkKeys(Set<String> keys, Set<String> prefixes, Function<String, String> problem, Set<String> problems) {
        for (String key : keys) {
            if (!prefixes.contains(prefix(key))) {
                problems.add(problem.apply(key));
            }
        }
    }

    /** "role.param" for a setting key that names one of the cell's plugins (or its role); null for another plugin's. */
    static String slot(String key, Map<String, String> roles) {
        int dot = key.lastIndexOf('.');
        String role = dot > 0 ? roles.get(key.substring(0, dot).toLowerCase(Locale.ROOT)) : null;
        return role == null ? null : role + "." + key.substring(dot + 1);
    }

    /** The plugin part of a setting key, lower case (the whole key when it has no dot). */
    static String prefix(String key) {
        int dot = key.lastIndexOf('.');
        return (dot < 0 ? key : key.substring(0, dot)).toLowerCase(Locale.ROOT);
    }

    private static String role(String slot) {
        return slot.substring(0, slot.indexOf('.'));
    }

    private static String param(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }
}
