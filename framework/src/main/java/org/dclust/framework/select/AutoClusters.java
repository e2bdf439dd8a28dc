package org.dclust.framework.select;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.param.Params;
import org.dclust.api.spi.LearnerProvider;
import org.dclust.api.toolkit.Embeddings;
import org.dclust.api.toolkit.Pretraining;
import org.dclust.api.train.TrainingContext;
import org.dclust.framework.config.ClusterCount;
import org.dclust.framework.report.Charts;

/**
 * {@code --clusters auto}: K estimated without labels on the learner's phase-1 space after its
 * pretraining and before its clustering phase. Every learner built on the toolkit's
 * {@link org.dclust.api.toolkit.PretrainedStart} starts the same way (the shared autoencoder
 * pretraining, then k-means for K clusters), so the estimate runs the learner's own pretraining
 * ({@link LearnerProvider#sharedPretraining}) first, with the run's context: the learner then finds it
 * in the pretraining cache or in the run's checkpoint and does not train it again. {@link KEstimator}
 * scores K over the range on the codes (its rule combines the internal indices, the gap statistic and
 * DBSCAN's count; see there); the learner and the refiner then run with the K chosen.
 *
 * <p>A learner that trains its own representation and clusters it in one phase (ACAI, DKM's
 * annealed variant, moco, secu) has no such space before its clustering: a run that asks for {@code auto} with it is refused before
 * anything trains ({@link org.dclust.framework.config.ConfigResolver}).
 *
 * <p>Labels never enter the estimate. When the data set declares its classes, the run's report says how
 * the estimate compares with their number, for the reader only.
 */
public final class AutoClusters {
    /** Latent codes are encoded this many at a time. */
    private static final int BATCH = 1000;

    private AutoClusters() {
    }

    /**
     * Pretrains (or finds the pretraining of) the learner on {@code data} with {@code ctx} and estimates
     * K in the range of {@code spec} on its codes.
     *
     * @throws DclustException when the learner does not start from the shared pretraining
     */
    public static KEstimate estimate(LearnerProvider learner, Params params, Dataset data, TrainingContext ctx, ClusterCount spec) {
        Pretraining.Settings settings = learner.sharedPretraining(params).orElseThrow(() -> new DclustException(
                "clusters = auto needs a learner that starts from the shared pretraining; " + learner.name() + " does not"));
        float[][] codes;
        try (NDManager manager = ctx.manager().newSubManager()) {
            EncoderNetwork net = Pretraining.pretrain(data, ctx, settings, manager);
            codes = Embeddings.encode(net, data, BATCH);
        }
        return KEstimator.estimate(codes, spec.min(), spec.max(), ctx.seedFor("k-estimate", 0));
    }

    /**
     * What the run prints: the chosen K and why, the curve of every index over the range (the K each
     * index chose marked with *), and, for a data set that declares its classes, how the estimate
     * compares with their number.
     *
     * @param classes the data set's number of classes (0 when it declares none)
     */
    public static List<String> report(KEstimate e, int samples, int classes) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "K = %d, estimated without labels on the pretrained codes (auto:%d..%d, %d of %d samples): %s",
                e.k(), e.min(), e.max(), Math.min(samples, KEstimator.SAMPLE), samples, e.reason()));
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %4s", "K"));
        e.curves().keySet().forEach(name -> head.append(String.format(Locale.ROOT, " %18s", name)));
        out.add(head.toString());
        List<Integer> ks = e.ks();
        for (int i = 0; i < ks.size(); i++) {
            int k = ks.get(i);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %4d", k));
            for (Map.Entry<String, double[]> c : e.curves().entrySet()) {
                boolean vote = Integer.valueOf(k).equals(e.votes().get(c.getKey()));
                row.append(String.format(Locale.ROOT, " %17.4f%s", c.getValue()[i], vote ? "*" : " "));
            }
            out.add(row.toString() + (k == e.k() ? "  <- chosen" : ""));
        }
        if (classes > 0) {
            int diff = e.k() - classes;
            out.add("the data set declares " + classes + " classes: the estimate is " + (diff == 0 ? "the same"
                    : Math.abs(diff) + (diff > 0 ? " above" : " below")) + " (a report only: labels never enter the estimate, and K = "
                    + e.k() + " is used)");
        }
        return out;
    }

    /**
     * Draws the curves as {@code file} (PNG): each index scaled to [0, 1] over the range (so that indices of
     * different units share one axis; Davies-Bouldin, where lower is better, turned over so that up is
     * better for all), and the chosen K as a vertical line.
     */
    public static void plot(Path file, KEstimate e) throws IOException {
        Map<String, double[]> xs = new LinkedHashMap<>();
        Map<String, double[]> ys = new LinkedHashMap<>();
        double[] k = e.ks().stream().mapToDouble(Integer::doubleValue).toArray();
        for (Map.Entry<String, double[]> c : e.curves().entrySet()) {
            boolean lowerBetter = c.getKey().equals("davies-bouldin");
            String name = c.getKey() + (lowerBetter ? " (turned over)" : "") + (e.votes().containsKey(c.getKey())
                    ? ": K = " + e.votes().get(c.getKey()) : "");
            xs.put(name, k);
            ys.put(name, scaled(c.getValue(), lowerBetter));
        }
        String chosen = "chosen K = " + e.k() + (e.votes().containsKey("dbscan") ? " (dbscan: " + e.votes().get("dbscan") + ")" : "");
        xs.put(chosen, new double[] {e.k(), e.k()});
        ys.put(chosen, new double[] {0, 1});
        Charts.lines(file, "K estimated without labels: K = " + e.k(), "K", "index, scaled to [0, 1] over the range (up: better)", xs, ys,
                false);
    }

    /** Values scaled to [0, 1] (turned over when lower is better); NaN stays NaN, a flat curve is 0.5. */
    static double[] scaled(double[] v, boolean turnOver) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double s = hi > lo ? (v[i] - lo) / (hi - lo) : 0.5;
            out[i] = Double.isNaN(v[i]) ? Double.NaN : turnOver ? 1 - s : s;
        }
        return out;
    }
}
