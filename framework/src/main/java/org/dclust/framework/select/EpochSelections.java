package org.dclust.framework.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dclust.api.spi.InternalIndexProvider;
import org.dclust.api.train.EpochSelection;
import org.dclust.framework.registry.PluginRegistry;

/**
 * Reads a run's {@code selectEpoch} ({@code --select-epoch}): {@code final} (or nothing), the name of a
 * registered internal index ({@code silhouette}, {@code calinski-harabasz}, {@code davies-bouldin}), or
 * {@code max:VALUE} / {@code min:VALUE} for a value the clustering phases report per epoch
 * ({@code max:participation}, MNet's pair participation). The framework names no method's value: any
 * per-epoch value a plugin reports can be selected by.
 */
public final class EpochSelections {
    private EpochSelections() {
    }

    /**
     * The selection {@code spec} names.
     *
     * @throws IllegalArgumentException when it names none, with a message listing the valid forms
     */
    public static EpochSelection parse(String spec, PluginRegistry registry) {
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("final")) {
            return EpochSelection.FINAL;
        }
        String s = spec.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if ((lower.startsWith("max:") || lower.startsWith("min:")) && s.length() > 4) {
            return EpochSelection.byValue(s.substring(4), lower.startsWith("max:"));
        }
        for (InternalIndexProvider index : registry.all(InternalIndexProvider.class)) {
            if (index.name().equalsIgnoreCase(s) || index.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(s))) {
                return EpochSelection.byIndex(index);
            }
        }
        List<String> valid = new ArrayList<>(List.of("final"));
        registry.all(InternalIndexProvider.class).forEach(i -> valid.add(i.name()));
        throw new IllegalArgumentException("selectEpoch = " + spec + " is not valid: expected " + String.join(", ", valid)
                + ", or max:VALUE / min:VALUE for a value the phases report per epoch (e.g. max:participation for mnet)");
    }

    /** The problems of {@code spec}: none, or the one {@link #parse} would throw. */
    public static List<String> problems(String spec, PluginRegistry registry) {
        try {
            parse(spec, registry);
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
    }
}
