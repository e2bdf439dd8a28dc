package org.dclust.framework.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dclust.api.UnknownPluginException;
import org.dclust.api.spi.BackboneProvider;
import org.dclust.api.spi.DatasetProvider;
import org.dclust.api.spi.InternalIndexProvider;
import org.dclust.api.spi.LearnerProvider;
import org.dclust.api.spi.MetricProvider;
import org.dclust.api.spi.PluginInfo;
import org.dclust.api.spi.Plugins;
import org.dclust.api.spi.RefinerProvider;

/**
 * Every provider on the class path, found once with {@link java.util.ServiceLoader} and indexed by
 * kind, name and alias. The framework knows plugins only through this registry and the SPI.
 */
public final class PluginRegistry {
    /** The kinds of plugin, in the order {@code dclust plugins} lists them. */
    public static final List<Class<? extends PluginInfo>> KINDS = List.of(DatasetProvider.class, BackboneProvider.class,
            LearnerProvider.class, RefinerProvider.class, MetricProvider.class, InternalIndexProvider.class);

    private final Map<Class<? extends PluginInfo>, List<PluginInfo>> byKind = new LinkedHashMap<>();

    /** Discovers every provider on the context class path. */
    public static PluginRegistry discover() {
        PluginRegistry r = new PluginRegistry();
        for (Class<? extends PluginInfo> kind : KINDS) {
            List<PluginInfo> list = new ArrayList<>(Plugins.all(kind));
            list.sort(Comparator.comparing(PluginInfo::name));
            r.byKind.put(kind, list);
        }
        return r;
    }

    /**
     * A registry with extra providers (plugin objects a library user built in code) added to this
     * one's; an extra provider replaces a discovered one of the same kind and name.
     */
    public PluginRegistry with(List<? extends PluginInfo> extra) {
        PluginRegistry r = new PluginRegistry();
        byKind.forEach((k, v) -> r.byKind.put(k, new ArrayList<>(v)));
        for (PluginInfo p : extra) {
            for (Class<? extends PluginInfo> kind : KINDS) {
                if (kind.isInstance(p)) {
                    List<PluginInfo> list = r.byKind.get(kind);
                    list.removeIf(q -> q.name().equalsIgnoreCase(p.name()));
                    list.add(p);
                    list.sort(Comparator.comparing(PluginInfo::name));
                }
            }
        }
        return r;
    }

    /** The providers of one kind, by name. */
    @SuppressWarnings("unchecked")
    public <P extends PluginInfo> List<P> all(Class<P> kind) {
        return (List<P>) byKind.getOrDefault(kind, List.of());
    }

    /** The provider named {@code name} (or with that alias), case-insensitive. */
    public <P extends PluginInfo> P get(Class<P> kind, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (P p : all(kind)) {
            if (p.name().equalsIgnoreCase(n) || p.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(n))) {
                return p;
            }
        }
        throw new UnknownPluginException(Plugins.kindName(kind), name, all(kind).stream().map(PluginInfo::name).toList());
    }

    /** Names used twice within a kind (a name, or an alias that equals another plugin's name or alias). */
    public List<String> duplicateNames() {
        List<String> dups = new ArrayList<>();
        for (Map.Entry<Class<? extends PluginInfo>, List<PluginInfo>> e : byKind.entrySet()) {
            Map<String, String> seen = new LinkedHashMap<>();
            for (PluginInfo p : e.getValue()) {
                List<String> names = new ArrayList<>(p.aliases());
                names.add(0, p.name());
                for (String n : names) {
                    String prev = seen.put(n.toLowerCase(Locale.ROOT), p.getClass().getName());
                    if (prev != null && !prev.equals(p.getClass().getName())) {
                        dups.add(Plugins.kindName(e.getKey()) + " " + n + ": " + prev + " and " + p.getClass().getName());
                    }
                }
            }
        }
        return dups;
    }
}
