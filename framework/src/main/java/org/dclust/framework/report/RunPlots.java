package org.dclust.framework.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dclust.api.train.EpochReport;

/**
 * The PNG plots of one run: {@code loss.png} (loss per epoch, a line per phase),
 * {@code participation.png} (fraction of pairs outside the ambiguity region per epoch, DCSS Fig. 11a),
 * {@code q-residual.png} (histogram of {@code ||q - onehot(q)||}, DCSS Fig. 9) and {@code tsne-u.png},
 * {@code tsne-q.png} (Barnes-Hut t-SNE maps of the u and q spaces coloured by cluster, DCSS Fig. 4).
 * A plot without data is not written.
 */
public final class RunPlots {
    /** Values reported under this name per epoch feed {@code loss.png}. */
    public static final String LOSS = "loss";
    /** Values reported under this name per epoch feed {@code participation.png}. */
    public static final String PARTICIPATION = "participation";
    /** Series whose key ("phase.name") ends with this feed {@code q-residual.png}. */
    public static final String Q_RESIDUAL = ".qResidual";

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
     * Writes the plots there is data for into dir. epochs: reports by phase; series: by "phase.name";
     * u: the latent (u) space after phase 1; q: the q space after phase 2. Any may be null.
     */
    public static void write(Path dir, Map<String, List<EpochReport>> epochs, Map<String, double[]> series, Scatter u, Scatter q)
            throws IOException {
        Map<String, List<EpochReport>> byPhase = epochs == null ? Map.of() : epochs;
        perEpoch(dir.resolve("loss.png"), "Loss per epoch", LOSS, "loss", byPhase);
        perEpoch(dir.resolve("participation.png"), "Pair participation per epoch", PARTICIPATION, "fraction of pairs outside the ambiguity region",
                byPhase);
        if (series != null) {
            residuals(dir, series);
        }
        tsne(dir.resolve("tsne-u.png"), "t-SNE of the u space after phase 1", u);
        tsne(dir.resolve("tsne-q.png"), "t-SNE of the q space after phase 2", q);
    }

    private static void perEpoch(Path file, String title, String name, String yLabel, Map<String, List<EpochReport>> byPhase) throws IOException {
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
            Charts.lines(file, title, "epoch", yLabel, xs, ys, log);
        }
    }

    private static void residuals(Path dir, Map<String, double[]> series) throws IOException {
        boolean first = true;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            String key = e.getKey();
            if (!key.endsWith(Q_RESIDUAL) || e.getValue() == null || e.getValue().length == 0) {
                continue;
            }
            String phase = key.substring(0, key.length() - Q_RESIDUAL.length());
            String name = first ? "q-residual.png" : "q-residual-" + phase.replaceAll("[^A-Za-z0-9_-]", "_") + ".png";
            Charts.histogram(dir.resolve(name), "Residual ||q - onehot(q)|| after " + phase, "||q - onehot(q)||", e.getValue(), BINS);
            first = false;
        }
    }

    private static void tsne(Path file, String title, Scatter s) throws IOException {
        if (s == null || s.points().length == 0) {
            return;
        }
        double[][] map = BarnesHutTsne.embed(s.points(), s.seed());
        Charts.scatter(file, title + " (" + map.length + " points, seed " + s.seed() + ")", map, s.clusters());
    }
}
