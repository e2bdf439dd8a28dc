package org.dclust.api.model;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dclust.api.DclustException;
import org.dclust.api.UnknownPluginException;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.AssignmentProvider;
import org.dclust.api.spi.Plugins;

/**
 * How a learner assigns latent codes to its centres, as probabilities over K: an
 * {@link AssignmentProvider} found by name, with its parameters. Built in:
 * <ul>
 *   <li>{@code fuzzy}: fuzzy c-means memberships with fuzziness m (DCSS eq. 2, {@link FuzzyAssignment});</li>
 *   <li>{@code student-t}: Student's t kernel with α degrees of freedom (DEC eq. 1, {@link StudentTAssignment});</li>
 *   <li>{@code nearest}: one-hot nearest centre (k-means, DCN, {@link NearestAssignment}).</li>
 * </ul>
 * A value (equal when kind and parameters are), saved with latent and cluster models as
 * {@code {"kind": ..., "params": {...}}} ({@link #describe()}) and loaded by name
 * ({@link #fromDescription}), so a third party's assignment loads as the built-in ones do.
 */
public final class SoftAssignment {
    private final AssignmentProvider provider;
    private final Params params;

    private SoftAssignment(AssignmentProvider provider, Params params) {
        this.provider = provider;
        this.params = params;
    }

    /**
     * The assignment {@code kind} (a provider's name or alias) with the given parameters.
     *
     * @throws UnknownPluginException when no provider on the class path has that name
     * @throws org.dclust.api.param.InvalidParameterException when a parameter is unknown or out of range
     */
    public static SoftAssignment of(String kind, Map<String, ?> params) {
        return with(Plugins.find(AssignmentProvider.class, kind), params);
    }

    private static SoftAssignment with(AssignmentProvider p, Map<String, ?> params) {
        return new SoftAssignment(p, Params.resolve(p.name(), p.parameters(), params));
    }

    /** Fuzzy memberships with fuzziness m &gt; 1 (DCSS eq. 2). */
    public static SoftAssignment fuzzy(double m) {
        return with(new FuzzyAssignment(), Map.of(FuzzyAssignment.M, m));
    }

    /** Student's t with α degrees of freedom (DEC eq. 1). */
    public static SoftAssignment studentT(double alpha) {
        return with(new StudentTAssignment(), Map.of(StudentTAssignment.ALPHA, alpha));
    }

    /** The nearest centre, one-hot. */
    public static SoftAssignment nearest() {
        return with(new NearestAssignment(), Map.of());
    }

    /** The provider's name. */
    public String kind() {
        return provider.name();
    }

    /** The resolved parameters. */
    public Params params() {
        return params;
    }

    /** Probabilities (b, K) of latent codes (b, d) for centres (K, d); rows sum to 1. */
    public NDArray probabilities(NDArray z, NDArray centres) {
        return provider.probabilities(z, centres, params);
    }

    /** What models save: {@code kind} and {@code params}. */
    @JsonValue
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", kind());
        d.put("params", params.asMap());
        return d;
    }

    /**
     * Reads {@link #describe()}'s form, or that of model format 1, {@code {"kind": ..., "parameter": x}},
     * where x is the value of the provider's one parameter (none for {@code nearest}).
     *
     * @throws DclustException naming the kind when no plugin on the class path provides it
     */
    public static SoftAssignment fromDescription(Map<String, Object> d) {
        String kind = String.valueOf(d.get("kind"));
        AssignmentProvider p;
        try {
            p = Plugins.find(AssignmentProvider.class, kind);
        } catch (UnknownPluginException e) {
            throw new DclustException("the soft assignment '" + kind + "' of this model is provided by no plugin on the class path ("
                    + e.getMessage() + "); add the plugin of the learner that made the model", e);
        }
        if (d.get("params") instanceof Map<?, ?> given) {
            Map<String, Object> values = new LinkedHashMap<>();
            given.forEach((k, v) -> values.put(String.valueOf(k), v));
            return with(p, values);
        }
        List<ParamSpec> specs = p.parameters();
        if (specs.size() > 1 || (specs.size() == 1 && !(d.get("parameter") instanceof Number))) {
            throw new DclustException("the soft assignment '" + kind + "' of this model has no parameters saved; it needs "
                    + specs.stream().map(ParamSpec::name).toList());
        }
        return with(p, specs.isEmpty() ? Map.of() : Map.of(specs.get(0).name(), d.get("parameter")));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SoftAssignment a && a.kind().equals(kind()) && a.params.asMap().equals(params.asMap());
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind(), params.asMap());
    }

    @Override
    public String toString() {
        return kind() + params.asMap();
    }
}
