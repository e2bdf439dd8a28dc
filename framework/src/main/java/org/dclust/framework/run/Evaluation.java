package org.dclust.framework.run;

import com.google.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dclust.api.spi.InternalIndexProvider;
import org.dclust.api.spi.MetricProvider;
import org.dclust.api.train.EpochSelection;
import org.dclust.framework.registry.PluginRegistry;
import org.dclust.framework.select.EpochSelections;

/** Scores an assignment with every registered metric (when labels exist) and internal index. */
public final class Evaluation {
    private final PluginRegistry registry;

    @Inject
    public Evaluation(PluginRegistry registry) {
        this.registry = registry;
    }

    /**
     * Every external metric by name, but those that need latent codes ({@link MetricProvider#needsLatent});
     * labels are used here and nowhere in training.
     */
    public Map<String, Double> metrics(int[] truth, int[] predicted) {
        return metrics(truth, predicted, null, 0);
    }

    /** Every external metric by name, those that measure the latent codes too when {@code latent} is given. */
    public Map<String, Double> metrics(int[] truth, int[] predicted, float[][] latent, long seed) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (MetricProvider m : registry.all(MetricProvider.class)) {
            if (!m.needsLatent()) {
                out.put(m.name(), m.score(truth, predicted));
            } else if (latent != null) {
                out.put(m.name(), m.score(truth, predicted, latent, seed));
            }
        }
        return ordered(out);
    }

    /** Every internal index by name, on the latent codes. */
    public Map<String, Double> internal(float[][] latent, int[] predicted, long seed) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (InternalIndexProvider m : registry.all(InternalIndexProvider.class)) {
            out.put(m.name(), m.score(latent, predicted, seed));
        }
        return out;
    }

    /** The epoch selection a run's {@code selectEpoch} names ({@link EpochSelections#parse}). */
    public EpochSelection epochSelection(String spec) {
        return EpochSelections.parse(spec, registry);
    }

    /** acc, nmi, ari first (the papers' order), then the rest by name. */
    private static Map<String, Double> ordered(Map<String, Double> in) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String k : new String[] {"acc", "nmi", "ari"}) {
            if (in.containsKey(k)) {
                out.put(k, in.get(k));
            }
        }
        out.putAll(in);
        return out;
    }

    /** The number of samples in each cluster 0..K-1. */
    public static int[] clusterSizes(int[] predicted, int k) {
        int[] sizes = new int[k];
        for (int p : predicted) {
            if (p >= 0 && p < k) {
                sizes[p]++;
            }
        }
        return sizes;
    }
}
