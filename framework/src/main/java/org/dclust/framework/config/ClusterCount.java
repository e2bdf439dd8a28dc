package org.dclust.framework.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run asks for as K ({@code --clusters}, {@code clusters:} of a configuration or study file,
 * {@code Dclust.clusters}): a number, or {@code auto} / {@code auto:MIN..MAX}, K estimated without labels
 * in that range on the learner's pretrained codes ({@link org.dclust.framework.select.AutoClusters}).
 * Written back as the number or the text, so config.yaml reproduces the run.
 *
 * @param k the number of clusters, or null for an estimate
 * @param min the smallest K an estimate tries (0 for a number)
 * @param max the largest K an estimate tries (0 for a number)
 */
public record ClusterCount(Integer k, int min, int max) {
    /** The range of a bare {@code auto}. */
    public static final int AUTO_MIN = 2;
    public static final int AUTO_MAX = 20;
    private static final Pattern RANGE = Pattern.compile("auto:(\\d+)\\.\\.(\\d+)");
    /** What a valid value looks like, for messages. */
    public static final String EXPECTED = "a number of clusters (2 or more), auto, or auto:MIN..MAX (e.g. auto:2..20)";

    /** K itself. */
    public static ClusterCount of(int k) {
        return new ClusterCount(k, 0, 0);
    }

    /** K estimated in [min, max] ({@link #problems} says whether the range is valid). */
    public static ClusterCount auto(int min, int max) {
        return new ClusterCount(null, min, max);
    }

    /**
     * Reads {@code 7}, {@code auto} ({@value #AUTO_MIN}..{@value #AUTO_MAX}) or {@code auto:3..12}.
     *
     * @throws IllegalArgumentException for anything else, with a message saying what is expected
     */
    public static ClusterCount parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("auto")) {
            return auto(AUTO_MIN, AUTO_MAX);
        }
        Matcher m = RANGE.matcher(t);
        try {
            if (m.matches()) {
                return auto(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if (t.matches("[+-]?\\d+")) {
                return of(Integer.parseInt(t));
            }
        } catch (NumberFormatException e) {
            // too large: reported below
        }
        throw new IllegalArgumentException("clusters = " + text + " is not valid: expected " + EXPECTED);
    }

    /** From a configuration value: a whole number or text ({@link #parse}). */
    @JsonCreator
    public static ClusterCount fromJson(Object value) {
        if (value instanceof Integer i) {
            return of(i);
        }
        return parse(String.valueOf(value));
    }

    /** Whether K is to be estimated. */
    public boolean isAuto() {
        return k == null;
    }

    /** What is wrong with this request, one line each (K below 2, an empty or too low range); empty when sound. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (!isAuto() && k < 2) {
            out.add("clusters = " + k + " is not valid: K must be at least 2");
        }
        if (isAuto() && (min < 2 || max < min)) {
            out.add("clusters = " + this + " is not valid: a range auto:MIN..MAX needs 2 <= MIN <= MAX (e.g. auto:2..20)");
        }
        return out;
    }

    /** The number, or {@code auto:MIN..MAX}, as config.yaml records it. */
    @JsonValue
    public Object json() {
        return isAuto() ? toString() : k;
    }

    @Override
    public String toString() {
        return isAuto() ? "auto:" + min + ".." + max : String.valueOf(k);
    }
}
