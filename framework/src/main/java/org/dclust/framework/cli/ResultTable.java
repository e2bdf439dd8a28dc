package org.dclust.framework.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.dclust.framework.run.RunIdentity;
import org.dclust.framework.run.RunRecord;

/** Prints a run's record as a short human-readable summary with a metrics table. */
final class ResultTable {
    private ResultTable() {
    }

    static void print(PrintWriter o, RunRecord record) {
        RunIdentity id = record.identity();
        o.printf(Locale.ROOT, "data      %s: %s samples, K = %s from %s%n", id.dataset().name(), id.dataset().size(), id.clusters(),
                id.clustersSource());
        o.printf(Locale.ROOT, "pipeline  %s + %s (backbone %s), preset %s, seed %s, device %s%n", id.learner().name(), id.refiner().name(),
                id.backbone().name(), id.preset(), id.seed(), id.device());
        if (record.kEstimate() != null) {
            o.printf(Locale.ROOT, "K         %d estimated in %d..%d without labels: %s%n", record.kEstimate().k(), record.kEstimate().min(),
                    record.kEstimate().max(), record.kEstimate().reason());
        }
        record.keptEpochs().values().forEach(k -> o.printf(Locale.ROOT, "kept      %s epoch %d of %d by %s (%.4g; the last epoch %.4g)%n",
                k.phase(), k.epoch(), k.epochs(), k.by(), k.score(), k.finalScore()));
        if (record.metrics().isEmpty()) {
            o.println("metrics   none: the data set has no labels");
        } else {
            table(o, "metric", record.metrics());
        }
        if (!record.internal().isEmpty()) {
            table(o, "internal index (latent space)", record.internal());
        }
        o.println();
        StringBuilder w = new StringBuilder("wall time");
        record.times().wallSeconds().forEach((k, v) -> w.append(String.format(Locale.ROOT, "  %s %.1f s", k, v)));
        o.println(w);
        Map<String, Double> spe = record.times().secondsPerEpoch();
        if (!spe.isEmpty()) {
            StringBuilder s = new StringBuilder("s/epoch  ");
            spe.forEach((k, v) -> s.append(String.format(Locale.ROOT, "  %s %.2f", k, v)));
            o.println(s);
        }
    }

    private static void table(PrintWriter o, String title, Map<String, Double> values) {
        o.println();
        o.println("| " + title + " | value |");
        o.println("|---|---|");
        values.forEach((k, v) -> o.printf(Locale.ROOT, "| %s | %.4f |%n", k, v));
    }
}
