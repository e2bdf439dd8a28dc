package org.dclust.api.param;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Preset tables ({@code quick}, {@code default}, {@code paper}, ...: parameter name to value, see
 * {@link org.dclust.api.spi.PluginInfo#presets}) built from a shared part and a plugin's own, so a
 * setting shared by many plugins (the pretraining's epochs) is written once.
 */
public final class Presets {
    private Presets() {
    }

    /**
     * Per preset name, the values of {@code base} overlaid by those of {@code own} (own wins); a name in
     * only one of them keeps that one's values. Unmodifiable; {@code base}'s names come first.
     */
    public static Map<String, Map<String, Object>> merge(Map<String, Map<String, Object>> base, Map<String, Map<String, Object>> own) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        base.forEach((name, values) -> out.put(name, new LinkedHashMap<>(values)));
        own.forEach((name, values) -> out.computeIfAbsent(name, n -> new LinkedHashMap<>()).putAll(values));
        out.replaceAll((name, values) -> Collections.unmodifiableMap(values));
        return Collections.unmodifiableMap(out);
    }
}
