package org.dclust.framework.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dclust.api.DclustException;
import org.dclust.api.toolkit.Atomic;
import org.dclust.framework.report.Charts;
import org.dclust.framework.run.PipelineRunner;
import org.dclust.framework.run.RunRecord;

/**
 * Writes a study's results: {@code results.json} (every finished run with its provenance),
 * {@code results.csv} (one row per run), {@code results.md} (mean ± std over seeds per data set and
 * pipeline, the published figures beside them, the share of the largest cluster and the empty clusters
 * per seed, which show a refiner that merged clusters, other studies' rows the study file names
 * ({@link BesideRows}), each learner's gain from MNet, the warnings of the finished runs, and the runs
 * that failed with their messages) and {@code acc-by-learner.png} (ACC per learner for each refiner).
 */
public final class StudyReport {
    private static final String[] METRICS = {"acc", "nmi", "ari", "f1-macro", "f1-micro"};

    private StudyReport() {
    }

    /** Writes every report file for the finished cells and the failed ones (cell → message). */
    public static void write(StudyFile s, Path dir, List<StudyCell> cells, Map<StudyCell, RunRecord> done,
            Map<StudyCell, String> failed) {
        try {
            List<Map<String, Object>> runs = new ArrayList<>();
            StringBuilder csv = new StringBuilder("dataset,learner,refiner,seed,acc,nmi,ari,f1_macro,phase1_s,phase2_s,total_s\n");
            for (StudyCell c : cells) {
                RunRecord r = done.get(c);
                if (r == null) {
                    continue;
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("cell", c.id());
                entry.putAll(RunRecord.asMap(r));
                runs.add(entry);
                Map<String, Double> wall = wall(r);
                csv.append(String.join(",", c.dataset().label(), c.learner().name, c.refiner().name, String.valueOf(c.seed()),
                        num(metric(r, "acc")), num(metric(r, "nmi")), num(metric(r, "ari")), num(metric(r, "f1-macro")),
                        num(wall.get("phase1")), num(wall.get("phase2")), num(wall.get("total")))).append('\n');
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("study", s.name);
            json.put("cellsTotal", cells.size());
            json.put("cellsDone", runs.size());
            json.put("cellsFailed", failed.size());
            json.put("runs", runs);
            List<Map<String, Object>> failures = new ArrayList<>();
            for (StudyCell c : cells) {
                if (failed.containsKey(c)) {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("cell", c.id());
                    f.put("error", failed.get(c));
                    failures.add(f);
                }
            }
            json.put("failed", failures);
            Atomic.writeString(dir.resolve("results.json"), PipelineRunner.json().writeValueAsString(json));
            Atomic.writeString(dir.resolve("results.csv"), csv.toString());
            Atomic.writeString(dir.resolve("results.md"), markdown(s, cells, done, failed));
            bars(s, dir, cells, done);
        } catch (IOException e) {
            throw new DclustException("cannot write the study results in " + dir + ": " + e.getMessage(), e);
        }
    }

    static String markdown(StudyFile s, List<StudyCell> cells, Map<StudyCell, RunRecord> done, Map<StudyCell, String> failed) {
        StringBuilder md = new StringBuilder("# Study " + s.name + "\n\n");
        md.append(done.size()).append(" of ").append(cells.size()).append(" runs finished");
        if (!failed.isEmpty()) {
            md.append(", ").append(failed.size()).append(" failed (see Failed runs below; the tables leave them out)");
        }
        md.append(". Figures in percent, mean ± standard deviation over seeds ")
                .append(s.seeds).append("; preset ").append(s.preset == null ? "default" : s.preset).append(", backbone ")
                .append(s.backbone == null ? "each learner's default" : s.backbone).append(".\n");
        if (!s.set.isEmpty()) {
            md.append("Settings of every cell (the study's `set`; an entry's own setting of the same parameter replaces it): ")
                    .append(String.join(", ", s.set.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList())).append(".\n");
        }
        List<String> variants = s.learners.stream().filter(l -> l.variant).map(l -> "`" + l.name + "` = " + l.describe()).toList();
        if (!variants.isEmpty()) {
            md.append("Learner variants: ").append(String.join("; ", variants)).append(".\n");
        }
        List<String> refinerVariants = s.refiners.stream().filter(r -> r.variant).map(r -> "`" + r.name + "` = " + r.describe()).toList();
        if (!refinerVariants.isEmpty()) {
            md.append("Refiner variants: ").append(String.join("; ", refinerVariants)).append(".\n");
        }
        List<StudyFile.Reference> refs = s.references.stream().filter(r -> !r.figures.isEmpty()).toList();
        for (StudyFile.Reference r : refs) {
            md.append("Published figures").append(r.dataset == null ? "" : " on " + r.dataset + ", not on this study's data (for orientation"
                    + " only: not comparable figure for figure)").append(": ")
                    .append(r.source == null ? "as given in the study file" : r.source).append(".\n");
        }
        for (StudyFile.DatasetEntry d : s.datasets) {
            md.append("\n## ").append(d.label()).append("\n\n| pipeline | seeds | ACC | NMI | ARI | F1-macro | F1-micro |");
            for (StudyFile.Reference r : refs) {
                md.append(" published ACC").append(on(r)).append(" | published NMI").append(on(r)).append(" |");
            }
            md.append(" largest cluster % | empty clusters | phase-1 s/epoch | wall min |\n|---|---|---|---|---|---|---|");
            md.append("---|---|".repeat(refs.size())).append("---|---|---|---|\n");
            Map<String, Map<String, List<Double>>> byPipeline = collect(d, cells, done);
            for (StudyFile.LearnerEntry learner : s.learners) {
                for (String refiner : s.refinerNames()) {
                    String p = learner.name + "+" + refiner;
                    Map<String, List<Double>> m = byPipeline.get(p);
                    if (m == null) {
                        continue;
                    }
                    md.append("| ").append(p).append(" | ").append(m.get("acc").size());
                    for (String k : METRICS) {
                        md.append(" | ").append(meanStd(m.get(k), 100));
                    }
                    for (StudyFile.Reference r : refs) {
                        md.append(" | ").append(figure(r, p, "acc")).append(" | ").append(figure(r, p, "nmi"));
                    }
                    md.append(" | ").append(meanStd(m.get("largestShare"), 100));
                    md.append(" | ").append(counts(m.get("emptyClusters")));
                    md.append(" | ").append(meanStd(m.get("phase1SecondsPerEpoch"), 1));
                    md.append(" | ").append(meanStd(m.get("wallMinutes"), 1)).append(" |\n");
                }
            }
            md.append(BesideRows.table(s, d.label(), fingerprints(d, cells, done)));
            for (String refiner : s.refinerNames()) {
                if (!refiner.equals("centroid") && s.refinerNames().contains("centroid")) {
                    gainTable(md, s, refs, byPipeline, refiner);
                }
            }
        }
        List<String> warned = new ArrayList<>();
        for (StudyCell c : cells) {
            RunRecord r = done.get(c);
            if (r != null) {
                r.warnings().forEach(w -> warned.add("- `" + c.id() + "`: " + w + "\n"));
            }
        }
        if (!warned.isEmpty()) {
            md.append("\n## Warnings\n\nWhat the finished runs warned about (their result.json, `warnings`; the tables keep them):\n\n");
            warned.forEach(md::append);
        }
        if (!failed.isEmpty()) {
            md.append("\n## Failed runs\n\n");
            for (StudyCell c : cells) {
                if (failed.containsKey(c)) {
                    md.append("- `").append(c.id()).append("`: ").append(failed.get(c)).append('\n');
                }
            }
        }
        return md.toString();
    }

    /** " on DATASET" for figures measured on another data set than the study's; blank for the study's own. */
    private static String on(StudyFile.Reference r) {
        return r.dataset == null ? "" : " on " + r.dataset;
    }

    /** A published figure with two decimals, blank when the reference does not give it. */
    private static String figure(StudyFile.Reference r, String pipeline, String metric) {
        Double v = published(r, pipeline, metric);
        return v == null ? "" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static Double published(StudyFile.Reference r, String pipeline, String metric) {
        Map<String, Double> f = r.figures.get(pipeline);
        return f == null ? null : f.get(metric);
    }

    /**
     * The ACC gain of {@code refiner} over k-means on the same latent space ({@code centroid}), per
     * learner entry, with each reference's published gain where it gives both figures.
     */
    private static void gainTable(StringBuilder md, StudyFile s, List<StudyFile.Reference> refs,
            Map<String, Map<String, List<Double>>> byPipeline, String refiner) {
        String name = refiner.equals("mnet") ? "MNet" : refiner;
        md.append("\nGain from ").append(name).append(" over centroid on the same latent space (ACC points, mean over seeds; published gain where")
                .append(" the study file gives both figures):\n\n");
        md.append("| learner | + centroid | + ").append(refiner).append(" | gain |");
        if (refs.isEmpty()) {
            md.append(" published gain |");
        }
        refs.forEach(r -> md.append(" published gain").append(on(r)).append(" |"));
        md.append("\n|---|---|---|---|").append("---|".repeat(Math.max(1, refs.size()))).append('\n');
        for (StudyFile.LearnerEntry learner : s.learners) {
            Map<String, List<Double>> a = byPipeline.get(learner.name + "+centroid");
            Map<String, List<Double>> b = byPipeline.get(learner.name + "+" + refiner);
            if (a == null || b == null) {
                continue;
            }
            double ma = mean(a.get("acc")) * 100;
            double mb = mean(b.get("acc")) * 100;
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %+.2f |", learner.name, ma, mb, mb - ma));
            if (refs.isEmpty()) {
                md.append("  |");
            }
            for (StudyFile.Reference r : refs) {
                Double fa = published(r, learner.name + "+centroid", "acc");
                Double fb = published(r, learner.name + "+" + refiner, "acc");
                md.append(' ').append(fa != null && fb != null ? String.format(Locale.ROOT, "%+.2f", fb - fa) : "").append(" |");
            }
            md.append('\n');
        }
    }

    /** The data set content fingerprints of the finished runs on {@code d} (records without an identity left out). */
    private static Set<String> fingerprints(StudyFile.DatasetEntry d, List<StudyCell> cells, Map<StudyCell, RunRecord> done) {
        Set<String> out = new TreeSet<>();
        for (StudyCell c : cells) {
            RunRecord r = done.get(c);
            if (r != null && c.dataset() == d && r.identity() != null && r.identity().dataset() != null) {
                out.add(r.identity().dataset().fingerprint());
            }
        }
        return out;
    }

    private static Map<String, Map<String, List<Double>>> collect(StudyFile.DatasetEntry d, List<StudyCell> cells,
            Map<StudyCell, RunRecord> done) {
        Map<String, Map<String, List<Double>>> out = new LinkedHashMap<>();
        for (StudyCell c : cells) {
            RunRecord r = done.get(c);
            if (r == null || c.dataset() != d) {
                continue;
            }
            Map<String, List<Double>> m = out.computeIfAbsent(c.pipeline(), k -> new LinkedHashMap<>());
            for (String k : METRICS) {
                m.computeIfAbsent(k, x -> new ArrayList<>()).add(metric(r, k));
            }
            m.computeIfAbsent("wallMinutes", x -> new ArrayList<>()).add(wall(r).getOrDefault("total", Double.NaN) / 60);
            m.computeIfAbsent("phase1SecondsPerEpoch", x -> new ArrayList<>()).add(phase1SecondsPerEpoch(r, c.refiner().refiner()));
            m.computeIfAbsent("largestShare", x -> new ArrayList<>()).add(r.largestShare());
            m.computeIfAbsent("emptyClusters", x -> new ArrayList<>()).add(r.emptyClusters() < 0 ? Double.NaN : r.emptyClusters());
        }
        return out;
    }

    /** Whole numbers per seed, comma-separated ("0, 2, 0"); blank where a run did not record them. */
    static String counts(List<Double> xs) {
        if (xs.stream().anyMatch(x -> x.isNaN())) {
            return "";
        }
        return String.join(", ", xs.stream().map(x -> String.valueOf(x.longValue())).toList());
    }

    /**
     * The median seconds of an epoch of the learner's own clustering phase: the last phase of phase 1
     * other than the shared pretraining; NaN when the learner has none (ae). The refiner's phases are
     * those the record names ({@link RunRecord.Times#refinerPhases}); a record written before dclust
     * named them counts the refiner plugin's name ({@code refiner}) and mnet's phase as the refiner's.
     */
    static double phase1SecondsPerEpoch(RunRecord r, String refiner) {
        double last = Double.NaN;
        Map<String, Double> spe = r.times() == null || r.times().secondsPerEpoch() == null ? Map.of() : r.times().secondsPerEpoch();
        Collection<String> phase2 = r.times() != null && r.times().refinerPhases() != null ? r.times().refinerPhases()
                : List.of(refiner, "mnet");
        for (Map.Entry<String, Double> e : spe.entrySet()) {
            if (!e.getKey().equals("pretrain") && !phase2.contains(e.getKey())) {
                last = e.getValue();
            }
        }
        return last;
    }

    private static void bars(StudyFile s, Path dir, List<StudyCell> cells, Map<StudyCell, RunRecord> done) throws IOException {
        if (done.isEmpty()) {
            return;
        }
        StudyFile.DatasetEntry d = s.datasets.get(0);
        Map<String, Map<String, List<Double>>> by = collect(d, cells, done);
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (String refiner : s.refinerNames()) {
            List<Double> vals = new ArrayList<>();
            for (StudyFile.LearnerEntry learner : s.learners) {
                Map<String, List<Double>> m = by.get(learner.name + "+" + refiner);
                vals.add(m == null ? 0.0 : mean(m.get("acc")) * 100);
            }
            series.put("+ " + refiner, vals);
        }
        Charts.bars(dir.resolve("acc-by-learner.png"), "ACC per learner on " + d.label() + " (mean over seeds)", "ACC (%)",
                s.learners.stream().map(l -> l.name).toList(), series);
    }

    private static double metric(RunRecord r, String name) {
        Double v = r.metrics() == null ? null : r.metrics().get(name);
        return v == null ? Double.NaN : v;
    }

    private static Map<String, Double> wall(RunRecord r) {
        return r.times() == null || r.times().wallSeconds() == null ? Map.of() : r.times().wallSeconds();
    }

    static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** "m ± s" with the sample standard deviation (n − 1); just "m" for one value. */
    static String meanStd(List<Double> xs, double scale) {
        double m = mean(xs) * scale;
        if (Double.isNaN(m)) {
            return "";
        }
        if (xs.size() < 2) {
            return String.format(Locale.ROOT, "%.2f", m);
        }
        double ss = 0;
        for (double x : xs) {
            ss += (x * scale - m) * (x * scale - m);
        }
        return String.format(Locale.ROOT, "%.2f ± %.2f", m, Math.sqrt(ss / (xs.size() - 1)));
    }

    private static String num(Double v) {
        return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
