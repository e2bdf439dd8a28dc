package org.dclust.datasets;

import java.util.Locale;
import java.util.Set;

/**
 * The spellings of a missing value in text tables: an empty cell, and what pandas writes or reads as
 * NA ({@code NaN}, {@code nan}, {@code NA}, {@code N/A}, {@code <NA>}, {@code null}, {@code None},
 * spreadsheets' {@code #N/A}; see pandas' {@code read_csv} documentation, parameter {@code na_values}),
 * in any case. A label spelled so is no class: readers refuse it rather than count a class "NaN".
 */
final class MissingValue {
    private static final Set<String> SPELLINGS = Set.of("nan", "-nan", "na", "n/a", "<na>", "#n/a", "null", "none");

    private MissingValue() {
    }

    /** True when the stripped cell is empty or one of the spellings above. */
    static boolean is(String cell) {
        String t = cell.strip();
        return t.isEmpty() || SPELLINGS.contains(t.toLowerCase(Locale.ROOT));
    }
}
