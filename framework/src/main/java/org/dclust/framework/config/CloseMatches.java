package org.dclust.framework.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The known names closest to a misspelt one, for "did you mean" hints (plugin names, configuration
 * fields). A name is close when its Levenshtein distance to the given one, ignoring case, is at most
 * 1 for a given name of up to three characters and {@code max(2, length / 3)} for a longer one (so a
 * swap of two letters counts), or when one of the two contains the other (at least three characters).
 */
public final class CloseMatches {
    private static final int MAX_SUGGESTIONS = 5;

    private CloseMatches() {
    }

    /** Up to five known names close to {@code given}, closest first; empty when none is close. */
    public static List<String> of(String given, Collection<String> known) {
        String g = given.toLowerCase(Locale.ROOT);
        int limit = g.length() <= 3 ? 1 : Math.max(2, g.length() / 3);
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        record Scored(String name, int distance) {
        }
        return known.stream()
                .distinct()
                .map(k -> new Scored(k, distance.apply(g, k.toLowerCase(Locale.ROOT))))
                .filter(s -> s.distance() <= limit || contains(s.name().toLowerCase(Locale.ROOT), g))
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .limit(MAX_SUGGESTIONS)
                .map(Scored::name)
                .toList();
    }

    /** " (did you mean a or b?)", or "" when nothing is close. */
    public static String hint(String given, Collection<String> known) {
        List<String> close = of(given, known);
        if (close.isEmpty()) {
            return "";
        }
        String names = close.size() == 1 ? close.get(0)
                : String.join(", ", close.subList(0, close.size() - 1)) + " or " + close.get(close.size() - 1);
        return " (did you mean " + names + "?)";
    }

    private static boolean contains(String a, String b) {
        return Math.min(a.length(), b.length()) >= 3 && (a.contains(b) || b.contains(a));
    }
}
