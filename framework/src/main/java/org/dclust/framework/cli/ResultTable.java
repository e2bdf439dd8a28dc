package org.dclust.framework.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** Prints a run's record as a short human-readable summary with a metrics table. */
final class ResultTable {
    private ResultTable() {
    }

    @SuppressWarnings("unchecked")
    static void print(PrintWriter o, Map<String, Object> record) {
        Map<String, Object> id = (Map<String, Object>) record.get("identity");
        Map<String, Object> ds = (Map<String, Object>) id.get("dataset");
        Map<String, Object> vol = (Map<String, Object>) record.get("volatile");
        o.printf(Locale.ROOT, "data      %s: %s samples, K = %s from %s%n", ds.get("name"), ds.get("size"), id.get("clusters"), id.get("clustersSource"));
        o.printf(Locale.ROOT, "pipeline  %s + %s (backbone %s), preset %s, seed %s, device %s%n", name(id, "learner"), name(id, "refiner"),
                name(id, "backbone"), id.get("preset"), id.get("seed"), id.get("device"));
        Map<String, Double> metrics = (Map<String, Double>) record.get("metrics");
        if (metrics.isEmpty()) {
            o.println("metrics   none: the data set has no labels");
        } else {
            o.println();
            o.println("| metric | value |");
            o.println("|---|---|");
            metrics.forEach((k, v) -> o.printf(Locale.ROOT, "| %s | %.4f |%n", k, v));
        }
        Map<String, Double> internal = (Map<String, Double>) record.get("internal");
        if (!internal.isEmpty()) {
            o.println();
            o.println("| internal index (latent space) | value |");
            o.println("|---|---|");
            internal.forEach((k, v) -> o.printf(Locale.ROOT, "| %s | %.4f |%n", k, v));
        }
        o.println();
        Map<String, Double> wall = (Map<String, Double>) vol.get("wallSeconds");
        StringBuilder w = new StringBuilder("wall time");
        wall.forEach((k, v) -> w.append(String.format(Locale.ROOT, "  %s %.1f s", k, v)));
        o.println(w);
        Map<String, Double> spe = (Map<String, Double>) vol.get("secondsPerEpoch");
        if (!spe.isEmpty()) {
            StringBuilder s = new StringBuilder("s/epoch  ");
            spe.forEach((k, v) -> s.append(String.format(Locale.ROOT, "  %s %.2f", k, v)));
            o.println(s);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object name(Map<String, Object> id, String role) {
        return ((Map<String, Object>) id.get(role)).get("name");
    }
}
