package org.dclust.framework.study;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dclust.api.DclustException;
import org.dclust.framework.config.ConfigFiles;

/**
 * A study: data sets × learners × refiners × seeds, with shared settings and, optionally, published
 * reference figures to print beside the measured ones. Read from YAML:
 *
 * <pre>
 * name: table4-fmnist20k
 * datasets:
 *   - {name: fashion-mnist, label: fmnist20k, set: {n: 20000}}
 * learners: [ae, dcss, dec]
 * refiners: [centroid, mnet]
 * seeds: [1, 2, 3]
 * preset: default
 * set: {mlp.latentDim: 10}
 * reference:
 *   source: DCSS paper, Tables 1 and 4
 *   figures: {dcss+mnet: {acc: 66.40, nmi: 67.10}}
 * </pre>
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class StudyFile {
    public String name = "study";
    public List<DatasetEntry> datasets = new ArrayList<>();
    public List<String> learners = new ArrayList<>();
    public List<String> refiners = new ArrayList<>();
    public List<Long> seeds = new ArrayList<>(List.of(1L));
    public String backbone = "mlp";
    public String preset;
    public String preprocessing = "none";
    public Integer clusters;
    public String device = "auto";
    /** Settings keyed {@code plugin.param} (a plugin name, or a role: learner, refiner, backbone). */
    public Map<String, Object> set = new LinkedHashMap<>();
    /** Per-run plots (loss curves; t-SNE only when {@link #tsne}). */
    public boolean plots = true;
    /** Whether each run draws the t-SNE maps of the u and q spaces (slow; off by default in studies). */
    public boolean tsne;
    public Reference reference;

    /** What a data set label may hold: it names a directory. */
    private static final String LABEL = "[A-Za-z0-9][A-Za-z0-9._+-]*";

    /**
     * One data set of the study: a plugin name, a label for tables and for its cells directory (unique
     * in the study, ignoring case), and its parameters.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public static final class DatasetEntry {
        public String name;
        public String label;
        public Map<String, Object> set = new LinkedHashMap<>();

        /** The label in tables (the plugin name when none is given). */
        public String label() {
            return label != null ? label : name;
        }
    }

    /** Published figures (in percent) keyed "learner+refiner", and where they come from. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public static final class Reference {
        public String source;
        public Map<String, Map<String, Double>> figures = new LinkedHashMap<>();
    }

    /**
     * Reads a study file; unknown fields, empty grids, a name or data set labels that cannot name a
     * directory, labels that are not unique (ignoring case) and seeds listed twice are user errors
     * naming the file.
     */
    public static StudyFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DclustException("study file " + file + " does not exist");
        }
        StudyFile s;
        try {
            s = ConfigFiles.yaml().readValue(file.toFile(), StudyFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new DclustException(file + ": unknown field '" + e.getPropertyName() + "' (known: " + e.getKnownPropertyIds() + ")");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DclustException(file + " is not a valid study file: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DclustException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        if (s == null) {
            throw new DclustException("study file " + file + " is empty");
        }
        if (s.name == null || s.name.isBlank() || s.name.contains("/") || s.name.contains("\\")) {
            problems.add("name '" + s.name + "' cannot name a directory (runs/study-NAME): give one without / or \\");
        }
        if (s.datasets.isEmpty()) {
            problems.add("no datasets");
        }
        if (s.learners.isEmpty()) {
            problems.add("no learners");
        }
        if (s.refiners.isEmpty()) {
            problems.add("no refiners");
        }
        if (s.seeds.isEmpty()) {
            problems.add("no seeds");
        }
        Map<String, List<String>> labels = new LinkedHashMap<>();
        for (DatasetEntry d : s.datasets) {
            if (d.name == null) {
                problems.add("a dataset entry has no name");
                continue;
            }
            String label = d.label();
            if (!label.matches(LABEL)) {
                problems.add("dataset label '" + label + "' cannot name a directory: use letters, digits and . _ + - (not first)");
            }
            labels.computeIfAbsent(label.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(label);
        }
        for (List<String> same : labels.values()) {
            if (same.size() > 1) {
                problems.add(same.size() + " dataset entries share the label '" + same.get(0) + "'"
                        + (same.stream().distinct().count() > 1 ? " (as " + String.join(", ", same) + "; case does not count)" : "")
                        + ": give each entry its own label (label: NAME), which names its cells directory and its table");
            }
        }
        Set<Long> seeds = new LinkedHashSet<>();
        for (Long seed : s.seeds) {
            if (seed == null) {
                problems.add("a seed is empty");
            } else if (!seeds.add(seed)) {
                problems.add("seed " + seed + " is listed twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new DclustException(file + ": " + String.join("; ", problems));
        }
        return s;
    }
}
