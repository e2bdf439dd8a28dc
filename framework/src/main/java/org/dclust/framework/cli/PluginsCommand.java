package org.dclust.framework.cli;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.dclust.api.DclustException;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.BackboneProvider;
import org.dclust.api.spi.LearnerProvider;
import org.dclust.api.spi.PluginInfo;
import org.dclust.api.spi.Plugins;
import org.dclust.framework.config.CloseMatches;
import org.dclust.framework.registry.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dclust plugins [NAME] [--kind KIND]}: every plugin by kind, or one plugin's page (by name or
 * alias), with its title, paper, parameters, defaults and presets. An unknown kind or name is a user
 * error naming the valid kinds or the closest names.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "List every plugin by kind with its paper, parameters and presets, or show one plugin.")
public final class PluginsCommand implements Callable<Integer> {
    private final PluginRegistry registry;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "show only this plugin (a name or an alias)")
    String name;

    @Option(names = "--kind", description = "only this kind: dataset, backbone, learner, refiner, metric, index")
    String kind;

    @Inject
    public PluginsCommand(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        Map<Class<? extends PluginInfo>, List<PluginInfo>> shown = new LinkedHashMap<>();
        for (Class<? extends PluginInfo> k : kinds()) {
            List<PluginInfo> plugins = new ArrayList<>();
            for (PluginInfo p : registry.all(k)) {
                if (name == null || answersTo(p, name)) {
                    plugins.add(p);
                }
            }
            if (name == null || !plugins.isEmpty()) {
                shown.put(k, plugins);
            }
        }
        if (shown.isEmpty()) {
            throw unknownName();
        }
        PrintWriter out = spec.commandLine().getOut();
        shown.forEach((k, plugins) -> {
            String word = Plugins.kindName(k);
            out.println(word.equals("index") ? "INTERNAL INDICES" : word.toUpperCase(Locale.ROOT) + "S");
            plugins.forEach(p -> print(out, p));
            out.println();
        });
        out.flush();
        return 0;
    }

    /** The kinds to show: all, or the one {@code --kind} names (singular or plural, any case). */
    private List<Class<? extends PluginInfo>> kinds() {
        if (kind == null) {
            return PluginRegistry.KINDS;
        }
        String k = kind.trim().toLowerCase(Locale.ROOT);
        for (Class<? extends PluginInfo> c : PluginRegistry.KINDS) {
            String word = Plugins.kindName(c);
            if (k.equals(word) || k.equals(word + "s") || (word.equals("index") && k.equals("indices"))) {
                return List.of(c);
            }
        }
        throw new DclustException("unknown plugin kind '" + kind + "'; --kind takes one of: " + String.join(", ", kindWords()));
    }

    private DclustException unknownName() {
        List<String> known = new ArrayList<>();
        for (Class<? extends PluginInfo> k : kinds()) {
            for (PluginInfo p : registry.all(k)) {
                known.add(p.name());
                known.addAll(p.aliases());
            }
        }
        String where = kind == null ? "" : " of kind " + Plugins.kindName(kinds().get(0));
        String close = CloseMatches.hint(name, known);
        return new DclustException("no plugin" + where + " is named '" + name + "'" + close
                + "; ./dclust plugins" + (kind == null ? "" : " --kind " + kind) + " lists them all");
    }

    private static boolean answersTo(PluginInfo p, String n) {
        return p.name().equalsIgnoreCase(n) || p.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(n));
    }

    private static List<String> kindWords() {
        return PluginRegistry.KINDS.stream().map(Plugins::kindName).toList();
    }

    /**
     * What a learner asks of a backbone (its default, the only ones it takes, whether it needs a
     * decoder) and whether a backbone builds a decoder; empty for the other kinds.
     */
    static String needs(PluginInfo p) {
        if (p instanceof LearnerProvider l) {
            List<String> only = l.backbones();
            return "backbone: " + l.defaultBackbone() + " unless given" + (only.isEmpty() ? "" : "; only " + String.join(", ", only))
                    + (l.needsDecoder(Params.defaults(l.name(), l.parameters())) ? "; needs a decoder" : "; needs no decoder");
        }
        if (p instanceof BackboneProvider b) {
            return b.create(Params.defaults(b.name(), b.parameters())).buildsDecoder() ? "builds an encoder and a decoder" : "builds an encoder only";
        }
        return "";
    }

    private static void print(PrintWriter out, PluginInfo p) {
        out.println("  " + p.name() + (p.aliases().isEmpty() ? "" : " (aliases: " + String.join(", ", p.aliases()) + ")")
                + " - " + p.title());
        p.paper().ifPresent(c -> out.println("      paper: " + c));
        if (!p.description().isEmpty()) {
            out.println("      " + p.description());
        }
        String needs = needs(p);
        if (!needs.isEmpty()) {
            out.println("      " + needs);
        }
        for (ParamSpec s : p.parameters()) {
            out.println("      " + p.name() + "." + s.name() + " = " + s.defaultValue() + "  (" + s.rangeText() + ") " + s.doc());
        }
        for (Map.Entry<String, Map<String, Object>> e : new TreeMap<>(p.presets()).entrySet()) {
            out.println("      preset " + e.getKey() + ": " + inDeclaredOrder(e.getValue(), p.parameters()));
        }
    }

    /**
     * A preset's settings in the order the plugin declares its parameters (a preset written with
     * {@code Map.of} iterates in no stable order), any key the plugin does not declare after them,
     * alphabetically.
     */
    static Map<String, Object> inDeclaredOrder(Map<String, Object> preset, List<ParamSpec> declared) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (ParamSpec s : declared) {
            if (preset.containsKey(s.name())) {
                ordered.put(s.name(), preset.get(s.name()));
            }
        }
        new TreeMap<>(preset).forEach(ordered::putIfAbsent);
        return ordered;
    }
}
