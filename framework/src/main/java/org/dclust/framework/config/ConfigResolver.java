package org.dclust.framework.config;

import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dclust.api.UnknownPluginException;
import org.dclust.api.param.InvalidParameterException;
import org.dclust.api.param.Params;
import org.dclust.api.spi.BackboneProvider;
import org.dclust.api.spi.DatasetProvider;
import org.dclust.api.spi.LearnerProvider;
import org.dclust.api.spi.PluginInfo;
import org.dclust.api.spi.RefinerProvider;
import org.dclust.framework.registry.PluginRegistry;
import org.dclust.framework.select.EpochSelections;

/**
 * Turns a {@link RunConfig} into a {@link ResolvedRun}: finds each plugin, applies the preset, binds
 * every {@code plugin.param=value} setting to the plugin it names (by role or by name), and validates
 * all values against the declarations. Every problem of the configuration is reported together in one
 * {@link InvalidParameterException}; a configuration whose only problem is an unknown plugin name gets
 * the {@link UnknownPluginException} itself.
 */
public final class ConfigResolver {
    private static final List<String> ROLES = List.of("dataset", "backbone", "learner", "refiner");
    private static final List<String> PREPROCESSING = List.of("none", "minmax", "standardize");
    private static final List<String> DEVICES = List.of("auto", "cpu", "gpu");
    private final PluginRegistry registry;
    private UnknownPluginException unknown;

    @Inject
    public ConfigResolver(PluginRegistry registry) {
        this.registry = registry;
    }

    /** Resolves a configuration or throws with every problem listed. */
    public synchronized ResolvedRun resolve(RunConfig c) {
        unknown = null;
        List<String> problems = new ArrayList<>(c.readProblems);
        DatasetProvider dataset = find(DatasetProvider.class, c.dataset, problems);
        LearnerProvider learner = find(LearnerProvider.class, c.learner, problems);
        // no backbone named: the learner's own default (with an unknown learner, the usual one, so other problems still show)
        String backboneName = c.backbone != null ? c.backbone : learner != null ? learner.defaultBackbone() : LearnerProvider.DEFAULT_BACKBONE;
        BackboneProvider backbone = find(BackboneProvider.class, backboneName, problems);
        RefinerProvider refiner = find(RefinerProvider.class, c.refiner, problems);
        if (c.clusters != null) {
            problems.addAll(c.clusters.problems());
        }
        problems.addAll(EpochSelections.problems(c.selectEpoch, registry));
        if (c.preprocessing == null || !PREPROCESSING.contains(c.preprocessing.toLowerCase(Locale.ROOT))) {
            problems.add("preprocessing = " + c.preprocessing + " is not valid: expected one of " + String.join(", ", PREPROCESSING));
        }
        if (c.device == null || !DEVICES.contains(c.device.toLowerCase(Locale.ROOT))) {
            problems.add("device = " + c.device + " is not valid: expected one of " + String.join(", ", DEVICES));
        }
        if (c.seed == null) {
            problems.add("seed is missing: give an integer");
        }
        Map<String, PluginInfo> byRole = new LinkedHashMap<>();
        byRole.put("dataset", dataset);
        byRole.put("backbone", backbone);
        byRole.put("learner", learner);
        byRole.put("refiner", refiner);
        Map<String, Map<String, Object>> settings = new LinkedHashMap<>();
        for (String role : ROLES) {
            settings.put(role, new LinkedHashMap<>());
        }
        Map<String, String> spelledAs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : c.set.entrySet()) {
            String key = e.getKey();
            int dot = key.lastIndexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                problems.add("setting '" + key + "' must look like plugin.param (e.g. learner.epochs=10 or mlp.latentDim=10)");
                continue;
            }
            String prefix = key.substring(0, dot);
            String role = roleOf(prefix, byRole);
            if (role == null) {
                problems.add("setting '" + key + "' names '" + prefix + "', which is not a plugin of this run; " + howToName(ROLES, names(byRole)));
                continue;
            }
            String param = key.substring(dot + 1);
            String other = spelledAs.putIfAbsent(role + "." + param, key);
            if (other != null) {
                problems.add("settings '" + other + "' and '" + key + "' both set the " + role + "'s " + param + "; give it once");
                continue;
            }
            settings.get(role).put(param, e.getValue());
        }
        String preset = c.presetOrDefault();
        if (c.preset != null && !preset.equals("default")) {
            boolean known = byRole.values().stream().anyMatch(p -> p != null && p.presets().containsKey(preset));
            if (!known) {
                Set<String> all = new LinkedHashSet<>();
                byRole.values().stream().filter(p -> p != null).forEach(p -> all.addAll(p.presets().keySet()));
                all.add("default");
                problems.add("preset '" + preset + "' is not defined by any plugin of this run; known presets: " + String.join(", ", all));
            }
        }
        Map<String, Params> params = new LinkedHashMap<>();
        for (String role : ROLES) {
            PluginInfo p = byRole.get(role);
            if (p == null) {
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>(p.presets().getOrDefault(preset, Map.of()));
            values.putAll(settings.get(role));
            try {
                params.put(role, Params.resolve(p.name(), p.parameters(), values));
                problems.addAll(p.validate(params.get(role)));
            } catch (InvalidParameterException ex) {
                problems.addAll(ex.problems());
            }
        }
        if (learner != null && backbone != null && params.containsKey("learner") && params.containsKey("backbone")) {
            problems.addAll(backboneProblems(learner, params.get("learner"), backbone, params.get("backbone")));
        }
        if (refiner != null && backbone != null && params.containsKey("refiner") && params.containsKey("backbone")
                && refiner.trainsEncoder(params.get("refiner")) && !backbone.create(params.get("backbone")).hasWeights()) {
            problems.add("the refiner " + refiner.name() + " fine-tunes the encoder it is given, and the backbone " + backbone.name()
                    + (learner == null ? "" : " (the learner " + learner.name() + "'s)") + " has no weights to train: use a learner that"
                    + " trains an encoder, or a refiner that trains none or has a head of its own (" + String.join(", ", refinersForFixedCodes()) + ")");
        }
        if (c.clusters != null && c.clusters.isAuto() && learner != null && params.containsKey("learner")
                && learner.sharedPretraining(params.get("learner")).isEmpty()) {
            problems.add(autoRefused(learner));
        }
        if (problems.size() == 1 && unknown != null) {
            throw unknown;
        }
        if (!problems.isEmpty()) {
            throw new InvalidParameterException(problems);
        }
        RunConfig resolved = c;
        if (c.backbone == null) {
            // the run records the backbone it used, so its configuration and provenance reproduce it
            resolved = c.copy();
            resolved.backbone = backbone.name();
        }
        return new ResolvedRun(resolved, new PluginChoice<>(dataset, params.get("dataset")), new PluginChoice<>(backbone, params.get("backbone")),
                new PluginChoice<>(learner, params.get("learner")), new PluginChoice<>(refiner, params.get("refiner")));
    }

    /**
     * What the learner declares it needs of a backbone and this one lacks ({@link LearnerProvider#backbones},
     * {@link LearnerProvider#needsDecoder}), each with what would work instead.
     */
    private List<String> backboneProblems(LearnerProvider learner, Params learnerParams, BackboneProvider backbone, Params backboneParams) {
        List<String> out = new ArrayList<>();
        List<String> only = learner.backbones();
        if (!only.isEmpty() && only.stream().noneMatch(n -> answersTo(backbone, n))) {
            out.add("the learner " + learner.name() + " works only with the backbone" + (only.size() > 1 ? "s " : " ") + String.join(", ", only)
                    + ", not " + backbone.name() + ": give no backbone (its default is " + learner.defaultBackbone() + ") or one of those");
        } else if (learner.needsDecoder(learnerParams) && !backbone.create(backboneParams).buildsDecoder()) {
            out.add("the learner " + learner.name() + " needs a decoder (it reconstructs its input), and the backbone " + backbone.name()
                    + " builds an encoder only: use a backbone with a decoder (" + String.join(", ", backbonesWithDecoder()) + ")"
                    + (decoderFree().isEmpty() ? "" : " or a learner that needs none (" + String.join(", ", decoderFree()) + ")"));
        }
        return out;
    }

    /** The registered refiners that, with their defaults, do not fine-tune the encoder alone. */
    private List<String> refinersForFixedCodes() {
        List<String> out = new ArrayList<>();
        for (RefinerProvider r : registry.all(RefinerProvider.class)) {
            if (!r.trainsEncoder(Params.defaults(r.name(), r.parameters()))) {
                out.add(r.name());
            }
        }
        return out;
    }

    /** The registered backbones whose defaults build a decoder. */
    private List<String> backbonesWithDecoder() {
        List<String> out = new ArrayList<>();
        for (BackboneProvider b : registry.all(BackboneProvider.class)) {
            if (b.create(Params.defaults(b.name(), b.parameters())).buildsDecoder()) {
                out.add(b.name());
            }
        }
        return out;
    }

    /** The registered learners that need no decoder with their defaults. */
    private List<String> decoderFree() {
        List<String> out = new ArrayList<>();
        for (LearnerProvider l : registry.all(LearnerProvider.class)) {
            if (!l.needsDecoder(Params.defaults(l.name(), l.parameters()))) {
                out.add(l.name());
            }
        }
        return out;
    }

    /**
     * How a setting's key may name its plugin, for the message about a key that names none: "use a role
     * (dataset, backbone) or a plugin's name (fashion-mnist, mlp)", each role and plugin once.
     *
     * @param roles the roles a key may begin with
     * @param names the names of the plugins the setting may reach (their aliases are accepted too, but not listed)
     */
    public static String howToName(Collection<String> roles, Collection<String> names) {
        return "use a role (" + String.join(", ", roles) + ") or a plugin's name (" + String.join(", ", new LinkedHashSet<>(names)) + ")";
    }

    private static boolean answersTo(PluginInfo p, String name) {
        return p.name().equalsIgnoreCase(name) || p.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(name));
    }

    /** Why {@code --clusters auto} cannot run with this learner, and which learners it runs with. */
    private String autoRefused(LearnerProvider learner) {
        List<String> able = new ArrayList<>();
        for (LearnerProvider p : registry.all(LearnerProvider.class)) {
            try {
                if (p.sharedPretraining(Params.defaults(p.name(), p.parameters())).isPresent()) {
                    able.add(p.name());
                }
            } catch (RuntimeException e) {
                // a provider whose defaults do not resolve is reported where it is used
            }
        }
        return "clusters = auto estimates K on the codes of the shared autoencoder pretraining, before the learner's clustering"
                + " phase, but the learner " + learner.name() + " (with these parameters) does not start from it (it trains its own"
                + " representation and clusters it in the same phase, so there are no codes to estimate K on first): give K with --clusters K, or use a learner that pretrains ("
                + String.join(", ", able) + ")";
    }

    private <P extends PluginInfo> P find(Class<P> kind, String name, List<String> problems) {
        if (name == null || name.isBlank()) {
            problems.add("no " + org.dclust.api.spi.Plugins.kindName(kind) + " given");
            return null;
        }
        try {
            return registry.get(kind, name);
        } catch (UnknownPluginException e) {
            unknown = e;
            problems.add(e.getMessage());
            return null;
        }
    }

    private static String roleOf(String prefix, Map<String, PluginInfo> byRole) {
        if (byRole.containsKey(prefix)) {
            return prefix;
        }
        for (Map.Entry<String, PluginInfo> e : byRole.entrySet()) {
            PluginInfo p = e.getValue();
            if (p != null && (p.name().equalsIgnoreCase(prefix) || p.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(prefix)))) {
                return e.getKey();
            }
        }
        return null;
    }

    private static List<String> names(Map<String, PluginInfo> byRole) {
        List<String> out = new ArrayList<>();
        byRole.values().stream().filter(p -> p != null).forEach(p -> out.add(p.name()));
        return out;
    }
}
