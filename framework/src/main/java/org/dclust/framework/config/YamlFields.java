package org.dclust.framework.config;

import com.fasterxml.jackson.core.JsonToken;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.dclust.framework.config.YamlDocument.Entry;
import org.dclust.framework.config.YamlDocument.Mapping;
import org.dclust.framework.config.YamlDocument.Node;
import org.dclust.framework.config.YamlDocument.Scalar;
import org.dclust.framework.config.YamlDocument.Sequence;

/**
 * The fields of one YAML mapping, read as typed values. A field that is absent gives the fallback; a
 * field of the wrong kind adds one problem naming the file, line, column, the field's path (e.g.
 * {@code datasets[2].set}), what was expected and what was found, and also gives the fallback, so
 * every problem of a file is reported at once.
 */
public final class YamlFields {
    private final YamlDocument doc;
    private final String path;
    private final Mapping mapping;

    YamlFields(YamlDocument doc, String path, Mapping mapping) {
        this.doc = doc;
        this.path = path;
        this.mapping = mapping;
    }

    /** The field names given, in file order. */
    public Set<String> names() {
        return mapping.entries().keySet();
    }

    /** Whether {@code field} is absent, null, or an empty list or mapping. */
    public boolean isEmptyOrAbsent(String field) {
        Node n = node(field);
        return n == null || (n instanceof Scalar s && s.value() == null) || (n instanceof Sequence q && q.items().isEmpty())
                || (n instanceof Mapping m && m.entries().isEmpty());
    }

    /** Whether {@code field} is given as a list. */
    public boolean isList(String field) {
        return node(field) instanceof Sequence;
    }

    /** Adds a problem for a required field that is absent: "PATH: 'field' is missing: give EXPECTED". */
    public void missing(String field, String expected) {
        doc.problem(mapping.at(), (path.isEmpty() ? "" : path.substring(0, path.length() - 1) + ": ") + "'" + field
                + "' is missing: give " + expected);
    }

    /** Adds a problem for every field not in {@code known}, with the closest known names and the full list. */
    public void rejectUnknown(Collection<String> known) {
        for (Entry e : mapping.entries().values()) {
            if (!known.contains(e.key())) {
                doc.problem(e.keyAt(), "unknown field '" + path + e.key() + "'" + CloseMatches.hint(e.key(), known)
                        + "; the fields" + (path.isEmpty() ? "" : " of " + path.substring(0, path.length() - 1)) + " are: "
                        + String.join(", ", known));
            }
        }
    }

    /** A scalar as text (numbers and booleans as written); {@code fallback} when absent; a null value is a problem. */
    public String text(String field, String fallback) {
        return text(field, fallback, false);
    }

    /** Like {@link #text} but a null or empty value gives null (a field whose absence means "the default"). */
    public String optionalText(String field, String fallback) {
        return text(field, fallback, true);
    }

    private String text(String field, String fallback, boolean nullable) {
        Node n = node(field);
        if (n == null) {
            return fallback;
        }
        if (n instanceof Scalar s && (s.value() != null || nullable)) {
            return s.value() == null ? null : s.text();
        }
        return wrong(field, n, "a name or text", fallback);
    }

    /**
     * A whole number in [min, max] (an integer, or text holding one); {@code fallback} when absent. A
     * fraction such as 1.5 is a problem, never rounded.
     */
    public Long integer(String field, Long fallback, long min, long max) {
        Node n = node(field);
        if (n == null) {
            return fallback;
        }
        return integer(path + field, n, min, max, fallback);
    }

    /** Like {@link #integer} but a null or empty value gives null. */
    public Long optionalInteger(String field, Long fallback, long min, long max) {
        Node n = node(field);
        if (n instanceof Scalar s && s.value() == null) {
            return null;
        }
        return integer(field, fallback, min, max);
    }

    /** true or false; {@code fallback} when absent. */
    public boolean bool(String field, boolean fallback) {
        Node n = node(field);
        if (n == null) {
            return fallback;
        }
        if (n instanceof Scalar s) {
            if (s.value() instanceof Boolean b) {
                return b;
            }
            if (s.token() == JsonToken.VALUE_STRING && (s.text().equalsIgnoreCase("true") || s.text().equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(s.text());
            }
        }
        return wrong(field, n, "true or false", fallback);
    }

    /** A list of names; {@code fallback} when absent. */
    public List<String> texts(String field, List<String> fallback, String example) {
        return list(field, fallback, "a list of names, e.g. " + field + ": " + example, (name, item) -> {
            if (item instanceof Scalar s && s.value() != null) {
                return s.text();
            }
            doc.problem(item.at(), name + ": expected a name, found " + item.describe());
            return null;
        });
    }

    /** A list of whole numbers in [min, max]; {@code fallback} when absent. */
    public List<Long> integers(String field, List<Long> fallback, long min, long max, String example) {
        return list(field, fallback, "a list of integers, e.g. " + field + ": " + example, (name, item) -> integer(name, item, min, max, null));
    }

    /** The items of a list read one by one ({@code read} reports a wrong item and gives null, which is left out). */
    private <T> List<T> list(String field, List<T> fallback, String expected, BiFunction<String, Node, T> read) {
        Node n = node(field);
        if (n == null) {
            return fallback;
        }
        if (!(n instanceof Sequence seq)) {
            return wrong(field, n, expected, fallback);
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            T v = read.apply(path + field + "[" + (i + 1) + "]", seq.items().get(i));
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * Settings {@code plugin.param: value}: a mapping whose values are single scalars, typed as YAML
     * gives them (null stays null); empty when absent or null. A list or a mapping as a value is a
     * problem: parameters take one value (list-valued ones take comma-separated text).
     */
    public Map<String, Object> settings(String field) {
        Map<String, Object> out = new LinkedHashMap<>();
        Node n = node(field);
        if (n == null || (n instanceof Scalar s && s.value() == null)) {
            return out;
        }
        if (!(n instanceof Mapping m)) {
            return wrong(field, n, "settings, one 'plugin.param: value' per line, e.g. " + field + ": {learner.epochs: 10}", out);
        }
        for (Entry e : m.entries().values()) {
            if (e.value() instanceof Scalar s) {
                out.put(e.key(), s.value());
            } else {
                String hint = e.value() instanceof Sequence ? "a list-valued parameter takes comma-separated text, e.g. mlp.hidden: 500,500,2000"
                        : "write each setting on its own line as 'param: value', e.g. learner.epochs: 10";
                doc.problem(e.value().at(), path + field + "." + e.key() + ": expected one value (a number, text or true/false), found "
                        + e.value().describe() + "; " + hint);
            }
        }
        return out;
    }

    /** A number (an integer or a decimal); {@code fallback} when absent. */
    public Double number(String field, Double fallback) {
        Node n = node(field);
        if (n == null) {
            return fallback;
        }
        if (n instanceof Scalar s && s.value() instanceof Number v && !(v instanceof BigInteger)) {
            return v.doubleValue();
        }
        return wrong(field, n, "a number", fallback);
    }

    /** The fields of a nested mapping, or empty when absent, null, or not a mapping (a problem then says so). */
    public Optional<YamlFields> mapping(String field, String example) {
        Node n = node(field);
        if (n == null || (n instanceof Scalar s && s.value() == null)) {
            return Optional.empty();
        }
        if (n instanceof Mapping m) {
            return Optional.of(new YamlFields(doc, path + field + ".", m));
        }
        return wrong(field, n, "a mapping, e.g. " + field + ": " + example, Optional.empty());
    }

    /** The items of a list of mappings; an item that is not a mapping is a problem. Empty when absent or null. */
    public List<YamlFields> mappings(String field, String example) {
        List<YamlFields> out = new ArrayList<>();
        Node n = node(field);
        if (n == null || (n instanceof Scalar s && s.value() == null)) {
            return out;
        }
        if (!(n instanceof Sequence seq)) {
            return wrong(field, n, "a list, e.g. " + field + ":\n      - " + example, out);
        }
        for (int i = 0; i < seq.items().size(); i++) {
            Node item = seq.items().get(i);
            String itemPath = path + field + "[" + (i + 1) + "]";
            if (item instanceof Mapping m) {
                out.add(new YamlFields(doc, itemPath + ".", m));
            } else {
                doc.problem(item.at(), itemPath + ": expected a mapping, e.g. " + example + ", found " + item.describe());
            }
        }
        return out;
    }

    /**
     * One item of a list whose items are names or mappings ({@link #namesOrMappings}): exactly one of
     * {@code name} and {@code fields} is set.
     */
    public record NameOrMapping(String name, YamlFields fields) {
    }

    /**
     * The items of a list whose items are each a name or a mapping (e.g.
     * {@code learners: [ae, {name: ae-aug, learner: ae}]}); an item that is neither (a list, a null) is a
     * problem and left out. Empty when absent or null.
     */
    public List<NameOrMapping> namesOrMappings(String field, String example) {
        return list(field, new ArrayList<>(), "a list of names or mappings, e.g. " + field + ": " + example, (name, item) -> {
            if (item instanceof Scalar s && s.value() != null) {
                return new NameOrMapping(s.text(), null);
            }
            if (item instanceof Mapping m) {
                return new NameOrMapping(null, new YamlFields(doc, name + ".", m));
            }
            doc.problem(item.at(), name + ": expected a name or a mapping, e.g. " + example + ", found " + item.describe());
            return null;
        });
    }

    /** Adds a problem for a field present but whose value is not valid: "PATH: expected EXPECTED, found ...". */
    public void invalid(String field, String expected) {
        Node n = node(field);
        if (n != null) {
            wrong(field, n, expected, null);
        }
    }

    private Node node(String field) {
        Entry e = mapping.entries().get(field);
        return e == null ? null : e.value();
    }

    private Long integer(String name, Node n, long min, long max, Long fallback) {
        Long v = null;
        if (n instanceof Scalar s && (s.value() instanceof Integer || s.value() instanceof Long)) {
            v = ((Number) s.value()).longValue();
        } else if (n instanceof Scalar s && s.token() == JsonToken.VALUE_STRING) {
            try {
                v = Long.parseLong(s.text().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        if (v != null && v >= min && v <= max) {
            return v;
        }
        boolean whole = v != null || (n instanceof Scalar s && s.value() instanceof BigInteger);
        String expected = whole ? "an integer in [" + min + ", " + max + "]" : "an integer";
        doc.problem(n.at(), name + ": expected " + expected + ", found " + n.describe());
        return fallback;
    }

    private <T> T wrong(String field, Node n, String expected, T fallback) {
        doc.problem(n.at(), path + field + ": expected " + expected + ", found " + n.describe());
        return fallback;
    }
}
