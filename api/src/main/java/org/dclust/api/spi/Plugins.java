package org.dclust.api.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.dclust.api.UnknownPluginException;

/**
 * Finds providers with {@link ServiceLoader} on the current thread's class loader. The framework's
 * registry uses it, and so does model loading, which rebuilds a saved backbone, head and soft
 * assignment by name.
 */
public final class Plugins {
    private Plugins() {
    }

    /** Every provider of the given kind on the class path. */
    public static <P extends PluginInfo> List<P> all(Class<P> kind) {
        List<P> out = new ArrayList<>();
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        ServiceLoader.load(kind, cl == null ? Plugins.class.getClassLoader() : cl).forEach(out::add);
        return out;
    }

    /** The provider with this name or alias (case-insensitive). */
    public static <P extends PluginInfo> P find(Class<P> kind, String name) {
        List<P> all = all(kind);
        for (P p : all) {
            if (p.name().equalsIgnoreCase(name) || p.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(name))) {
                return p;
            }
        }
        throw new UnknownPluginException(kindName(kind), name, all.stream().map(PluginInfo::name).sorted().toList());
    }

    /** "dataset", "backbone", "learner", "refiner", "metric", "index", "head" or "assignment": the word used in messages. */
    public static String kindName(Class<?> kind) {
        if (kind == DatasetProvider.class) {
            return "dataset";
        } else if (kind == BackboneProvider.class) {
            return "backbone";
        } else if (kind == LearnerProvider.class) {
            return "learner";
        } else if (kind == RefinerProvider.class) {
            return "refiner";
        } else if (kind == MetricProvider.class) {
            return "metric";
        } else if (kind == InternalIndexProvider.class) {
            return "index";
        } else if (kind == HeadProvider.class) {
            return "head";
        } else if (kind == AssignmentProvider.class) {
            return "assignment";
        }
        return kind.getSimpleName();
    }
}
