package org.dclust.framework.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dclust.framework.run.PipelineRunner;

/**
 * The rows a study reports beside its own from other studies' results ({@link StudyFile.Beside}): for
 * one of its data sets, the runs of each named pipeline whose cell in the other study's {@code
 * results.json} ({@code LABEL/PIPELINE/seedS}) carries the same data set label, as mean ± std over
 * their seeds. Nothing is retrained; a row names the file it came from and, when a {@code commit} file
 * lies beside it (what {@code scripts/long-study.sh harvest} writes), the commit those cells ran from.
 * Each row says how many samples its runs had. Once this study has finished runs on the data set, a
 * row whose runs had other data (another content fingerprint: another subset, size or source under the
 * same label) gives no figures and says so, since a 20,000-image row beside a 70,000-image one would
 * read as a comparison it is not. A file not written yet, or a pipeline without finished runs there,
 * is said in the table, not an error: the other study may not have run yet. A folder, or a file that
 * is not a study's results.json, is refused when the study file is read ({@link #fileProblem}).
 */
final class BesideRows {
    private static final String[] METRICS = {"acc", "nmi", "ari", "f1-macro", "f1-micro"};

    private BesideRows() {
    }

    /**
     * The markdown table for data set {@code label}, or "" when the study has no beside entries.
     *
     * @param own the content fingerprints of this study's finished runs on that data set (empty when none
     *     has finished: then the other study's runs cannot be checked against it and are shown as they are)
     */
    static String table(StudyFile s, String label, Set<String> own) {
        if (s.beside.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\nBeside, measured by other studies on data labelled ").append(label)
                .append(" (read from their results, not retrained here; compare only where the settings agree):\n\n")
                .append("| pipeline | from | seeds | ACC | NMI | ARI | F1-macro | F1-micro |\n|---|---|---|---|---|---|---|---|\n");
        for (StudyFile.Beside b : s.beside) {
            Path file = b.path(s.file);
            String from = s.file == null ? b.results : b.results + commit(file);
            JsonNode runs;
            try {
                runs = Files.isRegularFile(file) ? PipelineRunner.json().readTree(file.toFile()).path("runs") : null;
            } catch (IOException e) {
                runs = null;
            }
            for (String pipeline : b.pipelines) {
                List<JsonNode> matching = runs == null ? List.of() : runs(runs, label + "/" + pipeline + "/");
                List<JsonNode> same = matching.stream().filter(r -> own.isEmpty() || own.contains(fingerprint(r))).toList();
                Map<String, List<Double>> m = metrics(same);
                md.append("| ").append(pipeline).append(" | ").append(from).append(sizes(same.isEmpty() ? matching : same)).append(" | ");
                if (runs == null) {
                    md.append(Files.isRegularFile(file) ? "unreadable" : "no such file yet").append(" |").append(" |".repeat(METRICS.length)).append('\n');
                } else if (matching.isEmpty()) {
                    md.append(none(runs, label, pipeline)).append(" |").append(" |".repeat(METRICS.length)).append('\n');
                } else if (same.isEmpty()) {
                    md.append("other data: its runs had other samples under this label than this study's (content fingerprint ")
                            .append(fingerprint(matching.get(0))).append(", here ").append(String.join(", ", new TreeSet<>(own)))
                            .append("): not comparable |").append(" |".repeat(METRICS.length)).append('\n');
                } else {
                    md.append(m.get("acc").size());
                    for (String k : METRICS) {
                        md.append(" | ").append(StudyReport.meanStd(m.get(k), 100));
                    }
                    md.append(" |\n");
                }
            }
        }
        return md.toString();
    }

    /**
     * What is wrong with a beside results file for a study file to name, or null: one that does not
     * exist yet is allowed (its study may not have run), a folder or a file that is not a study's
     * results.json is not, and is refused when the study is read, before anything trains.
     */
    static String fileProblem(Path file) {
        if (Files.isDirectory(file)) {
            return "(" + file + ") is a folder: give the results.json in it";
        }
        if (!Files.exists(file)) {
            return null;
        }
        try {
            JsonNode runs = PipelineRunner.json().readTree(file.toFile()).path("runs");
            return runs.isArray() ? null : "(" + file + ") is not a study's results.json: it has no list of runs";
        } catch (IOException e) {
            return "(" + file + ") is not a study's results.json: it is not readable JSON";
        }
    }

    /** Why a pipeline has no row: the labels and pipelines the file does have, so a typo shows. */
    private static String none(JsonNode runs, String label, String pipeline) {
        Set<String> labels = new TreeSet<>();
        Set<String> pipelines = new TreeSet<>();
        for (JsonNode run : runs) {
            String[] parts = run.path("cell").asText("").split("/");
            if (parts.length == 3) {
                if (parts[1].equals(pipeline)) {
                    labels.add(parts[0]);
                }
                pipelines.add(parts[1]);
            }
        }
        if (pipelines.isEmpty()) {
            return "no finished runs in it yet";
        }
        if (labels.isEmpty()) {
            return "no pipeline " + pipeline + " in it (it has " + String.join(", ", pipelines) + ")";
        }
        return "no finished runs on data labelled " + label + " (it has them on " + String.join(", ", labels) + ")";
    }

    /** The runs whose cell id starts with {@code prefix} (LABEL/PIPELINE/). */
    private static List<JsonNode> runs(JsonNode runs, String prefix) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode run : runs) {
            if (run.path("cell").asText("").startsWith(prefix)) {
                out.add(run);
            }
        }
        return out;
    }

    /** A run's data set content fingerprint as its record gives it ("" in a record without one). */
    private static String fingerprint(JsonNode run) {
        return run.path("identity").path("dataset").path("fingerprint").asText("");
    }

    /** ", 70,000 samples" (or ", 20,000 and 70,000 samples") from the runs' records, or "" when none says. */
    private static String sizes(List<JsonNode> runs) {
        Set<Integer> n = new TreeSet<>();
        for (JsonNode run : runs) {
            JsonNode size = run.path("identity").path("dataset").path("size");
            if (size.isInt()) {
                n.add(size.asInt());
            }
        }
        return n.isEmpty() ? "" : ", " + String.join(" and ", n.stream().map(x -> String.format(java.util.Locale.ROOT, "%,d", x)).toList())
                + " samples";
    }

    /** Each metric over the runs; empty when there are none. */
    static Map<String, List<Double>> metrics(List<JsonNode> runs) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (JsonNode run : runs) {
            for (String k : METRICS) {
                JsonNode v = run.path("metrics").path(k);
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(v.isNumber() ? v.asDouble() : Double.NaN);
            }
        }
        return out;
    }

    /** " (commit abcdef1)" from the {@code commit} file beside the results, or "". */
    private static String commit(Path results) {
        Path c = results.resolveSibling("commit");
        try {
            String id = Files.isRegularFile(c) ? Files.readString(c).trim() : "";
            return id.isEmpty() ? "" : " (commit " + id.substring(0, Math.min(7, id.length())) + ")";
        } catch (IOException e) {
            return "";
        }
    }
}
