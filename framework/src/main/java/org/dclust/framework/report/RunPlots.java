package org.dclust.framework.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dclust.api.train.EpochReport;

/**
 * The PNG plots of one run, drawn from whatever the plugins report, so a new learner's or refiner's
 * diagnostics plot themselves and the framework names no method's quantity:
 * <ul>
 *   <li>{@code NAME.png} for every value {@code NAME} that any phase reports per epoch
 *       ({@link EpochReport#values()}: {@code loss.png}, MNet's {@code participation.png}, DCSS Fig. 11a,
 *       {@code clustersUsed.png}...), one line per phase, epochs on the x axis;</li>
 *   <li>{@code PHASE-NAME.png}, a histogram of every series a phase reports at its end
 *       ({@link org.dclust.api.train.EventSink#series}: MNet's {@code mnet-qResidual.png}, the
 *       distribution of ||q - onehot(q)|| of DCSS Fig. 9);</li>
 *   <li>{@code tsne-latent.png} and {@code tsne-output.png}: Barnes-Hut t-SNE maps, coloured by cluster,
 *       of the learner's latent space after phase 1 and of the refiner's cluster probabilities after
 *       phase 2 (for MNet these are DCSS's u and q spaces, Fig. 4).</li>
 * </ul>
 * A plot without data (no finite value, a series of fewer than two values, no points) is not written.
 */
public final class RunPlots {
    /** The t-SNE map of the latent space after phase 1. */
    public static final String TSNE_LATENT = "tsne-latent.png";
    /** The t-SNE map of the refiner's cluster probabilities after phase 2. */
    public static final String TSNE_OUTPUT = "tsne-output.png";

    private static final int BINS = 40;

    private RunPlots() {
    }

    /**
     * Points to map by t-SNE (already sampled by the caller, at most a few thousand), their cluster
     * ids (0-based) and the t-SNE seed.
     */
    public record Scatter(float[][] points, int[] clusters, long seed) {
        public Scatter {
            if (points == null || clusters == null || points.length != clusters.length) {
                throw new IllegalArgumentException("a scatter needs as many cluster ids as points");
            }
        }
    }

    /**
     * Writes the plots there is data for into dir. epochs: reports by phase; series: values by
     * "phase.name" (as {@code PhaseRecorder} keeps them); latent: the latent space after phase 1;
     * output: the refiner's probabilities after phase 2. Any may be null.
     */
    public static void write(Path dir, Map<String, List<EpochReport>> epochs, Map<String, double[]> series, Scatter latent, Scatter output)
            throws IOException {
        Map<String, List<EpochReport>> byPhase = epochs == null ? Map.of() : epochs;
        for (String name : valueNames(byPhase)) {
            perEpoch(dir.resolve(fileName(name)), name, byPhase);
        }
        if (series != null) {
            for (Map.Entry<String, double[]> e : series.entrySet()) {
                histogram(dir, e.getKey(), e.getValue());
            }
        }
        tsne(dir.resolve(TSNE_LATENT), "t-SNE, latent space (phase 1)", latent);
        tsne(dir.resolve(TSNE_OUTPUT), "t-SNE, cluster probabilities (phase 2)", output);
    }

    /** Every value name reported per epoch, in the order first seen. */
    private static Set<String> valueNames(Map<String, List<EpochReport>> byPhase) {
        Set<String> names = new LinkedHashSet<>();
        for (List<EpochReport> reports : byPhase.values()) {
            for (EpochReport r : reports) {
                if (r.values() != null) {
                    names.addAll(r.values().keySet());
                }
            }
        }
        return names;
    }

    /** A file name from a reported name: letters, digits, '_' and '-' kept, anything else '_'. */
    static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "_") + ".png";
    }

    private static void perEpoch(Path file, String name, Map<String, List<EpochReport>> byPhase) throws IOException {
        Map<String, double[]> xs = new LinkedHashMap<>();
        Map<String, double[]> ys = new LinkedHashMap<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, List<EpochReport>> e : byPhase.entrySet()) {
            List<double[]> points = new ArrayList<>();
            for (EpochReport r : e.getValue()) {
                Double v = r.values() == null ? null : r.values().get(name);
                if (v != null && Double.isFinite(v)) {
                    points.add(new double[] {r.epoch(), v});
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (!points.isEmpty()) {
                xs.put(e.getKey(), points.stream().mapToDouble(p -> p[0]).toArray());
                ys.put(e.getKey(), points.stream().mapToDouble(p -> p[1]).toArray());
            }
        }
        if (!ys.isEmpty()) {
            // phases' losses can differ by orders of magnitude: a log axis keeps every line readable
            boolean log = lo > 0 && hi / lo > 100;
            Charts.lines(file, name + " per epoch", "epoch", name, xs, ys, log);
        }
    }

    private static void histogram(Path dir, String key, double[] values) throws IOException {
        if (values == null || values.length < 2) {
            return;
        }
        int dot = key.indexOf('.');
        String phase = dot < 0 ? "" : key.substring(0, dot);
        String name = dot < 0 ? key : key.substring(dot + 1);
        String file = fileName(phase.isEmpty() ? name : phase + "-" + name);
        Charts.histogram(dir.resolve(file), "Histogram of " + name + (phase.isEmpty() ? "" : " after " + phase), name, values, BINS);
    }

    private static void tsne(Path file, String title, Scatter s) throws IOException {
        if (s == null || s.points().length == 0) {
            return;
        }
        double[][] map = BarnesHutTsne.embed(s.points(), s.seed());
        Charts.scatter(file, title + ": " + map.length + " points, seed " + s.seed(), map, s.clusters());
    }
}
