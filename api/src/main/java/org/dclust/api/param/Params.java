package org.dclust.api.param;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved, validated parameter values of one plugin: every declared parameter with its typed
 * value (defaults filled in). Immutable; its {@link #asMap()} is what provenance records.
 */
public final class Params {
    private final String owner;
    private final Map<String, Object> values;

    private Params(String owner, Map<String, Object> values) {
        this.owner = owner;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Resolves values against declarations: fills defaults, converts and range-checks every given
     * value, and rejects names that are not declared. All problems are reported together.
     *
     * @param owner the plugin name, used in messages ("mlp.latentDim")
     */
    public static Params resolve(String owner, List<ParamSpec> specs, Map<String, ?> given) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            byName.put(s.name(), s);
            out.put(s.name(), s.defaultValue());
        }
        for (Map.Entry<String, ?> e : given.entrySet()) {
            ParamSpec s = byName.get(e.getKey());
            if (s == null) {
                problems.add("unknown parameter " + owner + "." + e.getKey() + "; " + owner
                        + (byName.isEmpty() ? " takes no parameters" : " takes: " + String.join(", ", byName.keySet())));
                continue;
            }
            try {
                out.put(s.name(), s.coerce(e.getValue()));
            } catch (IllegalArgumentException ex) {
                problems.add(owner + "." + ex.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidParameterException(problems);
        }
        return new Params(owner, out);
    }

    /** The defaults of the given declarations. */
    public static Params defaults(String owner, List<ParamSpec> specs) {
        return resolve(owner, specs, Map.of());
    }

    public String owner() {
        return owner;
    }

    public int getInt(String name) {
        return ((Number) require(name)).intValue();
    }

    public double getDouble(String name) {
        return ((Number) require(name)).doubleValue();
    }

    public boolean getBool(String name) {
        return (Boolean) require(name);
    }

    /** The text value, or null where the parameter is unset. */
    public String getString(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException(owner + " declares no parameter " + name);
        }
        Object v = values.get(name);
        return v == null ? null : v.toString();
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(owner + " declares no parameter " + name + " or it is unset");
        }
        return v;
    }

    /** A copy with some values replaced (validated like {@link #resolve}). */
    public Params with(List<ParamSpec> specs, Map<String, ?> changes) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(changes);
        merged.values().removeIf(v -> v == null);
        return resolve(owner, specs, merged);
    }

    /** Name to typed value, in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params && ((Params) o).values.equals(values) && ((Params) o).owner.equals(owner);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return owner + values;
    }
}
