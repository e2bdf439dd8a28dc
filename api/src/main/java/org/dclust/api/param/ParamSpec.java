package org.dclust.api.param;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One declared plugin parameter: name, type, default, a one-line doc and its valid range or choices.
 * The declaration drives validation, binding from the command line or YAML, help text and the
 * recorded provenance, so a plugin declares each parameter exactly once.
 */
public final class ParamSpec {
    private final String name;
    private final ParamType type;
    private final Object defaultValue;
    private final String doc;
    private final double min;
    private final double max;
    private final List<String> choices;

    private ParamSpec(String name, ParamType type, Object defaultValue, String doc, double min, double max,
            List<String> choices) {
        this.name = Objects.requireNonNull(name);
        this.type = type;
        this.defaultValue = defaultValue;
        this.doc = doc;
        this.min = min;
        this.max = max;
        this.choices = List.copyOf(choices);
    }

    /** An integer parameter valid in [min, max]. */
    public static ParamSpec integer(String name, int defaultValue, int min, int max, String doc) {
        return new ParamSpec(name, ParamType.INT, defaultValue, doc, min, max, List.of());
    }

    /** A real parameter valid in [min, max]. */
    public static ParamSpec real(String name, double defaultValue, double min, double max, String doc) {
        return new ParamSpec(name, ParamType.DOUBLE, defaultValue, doc, min, max, List.of());
    }

    /** A true/false parameter. */
    public static ParamSpec bool(String name, boolean defaultValue, String doc) {
        return new ParamSpec(name, ParamType.BOOLEAN, defaultValue, doc, 0, 1, List.of());
    }

    /** A free-text parameter (a path, a list); a {@code null} default means "not set". */
    public static ParamSpec text(String name, String defaultValue, String doc) {
        return new ParamSpec(name, ParamType.STRING, defaultValue, doc, 0, 0, List.of());
    }

    /** A parameter that takes one of the given words. */
    public static ParamSpec choice(String name, String defaultValue, List<String> choices, String doc) {
        if (!choices.contains(defaultValue)) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " not among " + choices);
        }
        return new ParamSpec(name, ParamType.CHOICE, defaultValue, doc, 0, 0, choices);
    }

    public String name() {
        return name;
    }

    public ParamType type() {
        return type;
    }

    /** The default value, typed (Integer, Double, Boolean, String), or null when unset by default. */
    public Object defaultValue() {
        return defaultValue;
    }

    public String doc() {
        return doc;
    }

    public List<String> choices() {
        return choices;
    }

    /** The smallest valid value of an integer or real parameter (0 for the other types). */
    public double min() {
        return min;
    }

    /** The largest valid value of an integer or real parameter (0 for the other types, 1 for booleans). */
    public double max() {
        return max;
    }

    /** The valid values in words, for help text and error messages. */
    public String rangeText() {
        switch (type) {
            case INT:
                return "an integer in [" + (long) min + ", " + (long) max + "]";
            case DOUBLE:
                return "a number in [" + fmt(min) + ", " + fmt(max) + "]";
            case BOOLEAN:
                return "true or false";
            case CHOICE:
                return "one of " + String.join(", ", choices);
            default:
                return "text";
        }
    }

    private static String fmt(double v) {
        if (v == Double.MAX_VALUE) {
            return "inf";
        }
        if (v == -Double.MAX_VALUE) {
            return "-inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * Converts a raw value (text from the command line, or a YAML scalar) to this parameter's type and
     * checks its range.
     *
     * @return the typed value
     * @throws IllegalArgumentException with a message naming the parameter and its valid values
     */
    public Object coerce(Object raw) {
        if (raw == null) {
            if (type == ParamType.STRING) {
                return null;
            }
            throw problem("null");
        }
        String text = String.valueOf(raw).trim();
        Object value;
        switch (type) {
            case INT:
                long l;
                try {
                    if (raw instanceof Number && ((Number) raw).doubleValue() == Math.rint(((Number) raw).doubleValue())) {
                        l = ((Number) raw).longValue();
                    } else {
                        l = Long.parseLong(text.replace("_", ""));
                    }
                } catch (NumberFormatException e) {
                    throw problem(text);
                }
                if (l < min || l > max) {
                    throw problem(text);
                }
                value = (int) l;
                break;
            case DOUBLE:
                double d;
                try {
                    d = raw instanceof Number ? ((Number) raw).doubleValue() : Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw problem(text);
                }
                if (Double.isNaN(d) || d < min || d > max) {
                    throw problem(text);
                }
                value = d;
                break;
            case BOOLEAN:
                String b = text.toLowerCase(Locale.ROOT);
                if (b.equals("true") || b.equals("yes") || b.equals("1")) {
                    value = Boolean.TRUE;
                } else if (b.equals("false") || b.equals("no") || b.equals("0")) {
                    value = Boolean.FALSE;
                } else {
                    throw problem(text);
                }
                break;
            case CHOICE:
                Optional<String> match = choices.stream().filter(c -> c.equalsIgnoreCase(text)).findFirst();
                value = match.orElseThrow(() -> problem(text));
                break;
            default:
                value = text;
        }
        return value;
    }

    private IllegalArgumentException problem(String given) {
        return new IllegalArgumentException(name + " = " + given + " is not valid: expected " + rangeText());
    }

    @Override
    public String toString() {
        return name + " (" + rangeText() + ", default " + defaultValue + "): " + doc;
    }
}
