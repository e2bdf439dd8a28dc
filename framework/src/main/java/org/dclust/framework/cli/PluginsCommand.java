package org.dclust.framework.cli;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.spi.PluginInfo;
import org.dclust.api.spi.Plugins;
import org.dclust.framework.registry.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dclust plugins}: every plugin by kind, with its title, paper, parameters, defaults and presets. */
@Command(name = "plugins", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "List every plugin by kind with its paper, parameters and presets.")
public final class PluginsCommand implements Callable<Integer> {
    private final PluginRegistry registry;

    @Spec
    CommandSpec spec;

    @Option(names = "--kind", description = "only this kind: dataset, backbone, learner, refiner, metric, index")
    String kind;

    @Inject
    public PluginsCommand(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Class<? extends PluginInfo> k : PluginRegistry.KINDS) {
            String word = Plugins.kindName(k);
            if (kind != null && !kind.equalsIgnoreCase(word)) {
                continue;
            }
            out.println(word.equals("index") ? "INTERNAL INDICES" : word.toUpperCase(java.util.Locale.ROOT) + "S");
            for (PluginInfo p : registry.all(k)) {
                out.println("  " + p.name() + (p.aliases().isEmpty() ? "" : " (aliases: " + String.join(", ", p.aliases()) + ")")
                        + " - " + p.title());
                p.paper().ifPresent(c -> out.println("      paper: " + c));
                if (!p.description().isEmpty()) {
                    out.println("      " + p.description());
                }
                for (ParamSpec s : p.parameters()) {
                    out.println("      " + p.name() + "." + s.name() + " = " + s.defaultValue() + "  (" + s.rangeText() + ") " + s.doc());
                }
                for (Map.Entry<String, Map<String, Object>> e : new java.util.TreeMap<>(p.presets()).entrySet()) {
                    out.println("      preset " + e.getKey() + ": " + e.getValue());
                }
            }
            out.println();
        }
        out.flush();
        return 0;
    }
}
