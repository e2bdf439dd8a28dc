package org.dclust.framework.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dclust.api.param.InvalidParameterException;
import org.dclust.framework.config.ClusterCount;
import org.dclust.framework.config.ConfigFiles;
import org.dclust.framework.config.YamlDocument;
import org.dclust.framework.config.YamlFields;

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
public final class StudyFile {
    public String name = "study";
    public List<DatasetEntry> datasets = new ArrayList<>();
    public List<String> learners = new ArrayList<>();
    public List<String> refiners = new ArrayList<>();
    public List<Long> seeds = new ArrayList<>(List.of(1L));
    /** The backbone of every cell; null (absent): each cell's learner's default ({@link org.dclust.api.spi.LearnerProvider#defaultBackbone}). */
    public String backbone;
    public String preset;
    public String preprocessing = "none";
    /** K, or an estimate ({@code auto:MIN..MAX}); null: each data set's classes. */
    public ClusterCount clusters;
    /** The epoch each clustering phase keeps (as {@code dclust run --select-epoch}); null: the final one. */
    public String selectEpoch;
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
        public static final class Reference {
        public String source;
        public Map<String, Map<String, Double>> figures = new LinkedHashMap<>();
    }

    /** The fields of a study file. */
    public static final List<String> FIELDS = List.of("name", "datasets", "learners", "refiners", "seeds", "backbone", "preset",
            "preprocessing", "clusters", "selectEpoch", "device", "set", "plots", "tsne", "reference");

    /**
     * Reads a study file. Every problem of the file (not valid YAML, a field given twice, an unknown
     * field, a value of the wrong kind, an empty grid) is reported together, each naming the line,
     * column and field, in one {@link InvalidParameterException}; a missing file is a user error too.
     */
    public static StudyFile read(Path file) {
        StudyFile s = new StudyFile();
        YamlDocument doc = YamlDocument.read(file, "study file");
        List<String> missing = doc.fields().map(s::bind).orElse(List.of());
        List<String> problems = new ArrayList<>(doc.problems());
        if (!missing.isEmpty()) {
            problems.add(file + ": no " + String.join(", no ", missing) + " given; a study needs at least one of each: datasets,"
                    + " learners, refiners and seeds (e.g. learners: [ae, dcss])");
        }
        if (problems.isEmpty()) {
            s.namingProblems().forEach(problem -> problems.add(file + ": " + problem));
        }
        if (!problems.isEmpty()) {
            throw new InvalidParameterException(problems);
        }
        return s;
    }

    /**
     * What a file that read may still get wrong: a name or data set labels that cannot name a
     * directory, labels that are not unique (ignoring case: they name the cells directories), seeds
     * listed twice.
     */
    private List<String> namingProblems() {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")) {
            problems.add("name '" + name + "' cannot name a directory (runs/study-NAME): give one without / or \\");
        }
        Map<String, List<String>> labels = new LinkedHashMap<>();
        for (DatasetEntry d : datasets) {
            if (d.name == null) {
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
        Set<Long> seen = new LinkedHashSet<>();
        for (Long seed : seeds) {
            if (!seen.add(seed)) {
                problems.add("seed " + seed + " is listed twice");
            }
        }
        return problems;
    }

    /** Sets the fields from {@code f}; returns the grid lists that are absent or empty (a wrong one is a problem already). */
    private List<String> bind(YamlFields f) {
        f.rejectUnknown(FIELDS);
        List<String> missing = new ArrayList<>();
        name = f.text("name", name);
        for (YamlFields d : f.mappings("datasets", "{name: fashion-mnist, label: fmnist, set: {n: 20000}}")) {
            d.rejectUnknown(List.of("name", "label", "set"));
            DatasetEntry e = new DatasetEntry();
            e.name = d.text("name", null);
            e.label = d.optionalText("label", null);
            e.set = d.settings("set");
            if (!d.names().contains("name")) {
                d.missing("name", "the data set plugin, e.g. name: fashion-mnist");
            }
            datasets.add(e);
        }
        if (datasets.isEmpty() && f.isEmptyOrAbsent("datasets")) {
            missing.add("datasets");
        }
        learners = f.texts("learners", learners, "[ae, dcss, dec]");
        if (learners.isEmpty() && f.isEmptyOrAbsent("learners")) {
            missing.add("learners");
        }
        refiners = f.texts("refiners", refiners, "[centroid, mnet]");
        if (refiners.isEmpty() && f.isEmptyOrAbsent("refiners")) {
            missing.add("refiners");
        }
        seeds = f.integers("seeds", seeds, Long.MIN_VALUE, Long.MAX_VALUE, "[1, 2, 3]");
        if (seeds.isEmpty() && f.isEmptyOrAbsent("seeds")) {
            missing.add("seeds");
        }
        backbone = f.optionalText("backbone", backbone);
        preset = f.optionalText("preset", preset);
        preprocessing = f.text("preprocessing", preprocessing);
        clusters = ConfigFiles.clusters(f);
        selectEpoch = f.optionalText("selectEpoch", selectEpoch);
        device = f.text("device", device);
        set = f.settings("set");
        plots = f.bool("plots", plots);
        tsne = f.bool("tsne", tsne);
        f.mapping("reference", "{source: DCSS paper, figures: {dcss+mnet: {acc: 66.4}}}").ifPresent(r -> {
            r.rejectUnknown(List.of("source", "figures"));
            reference = new Reference();
            reference.source = r.optionalText("source", null);
            r.mapping("figures", "{dcss+mnet: {acc: 66.4, nmi: 67.1}}").ifPresent(figures -> {
                for (String pipeline : figures.names()) {
                    figures.mapping(pipeline, "{acc: 66.4, nmi: 67.1}").ifPresent(metrics -> {
                        Map<String, Double> values = new LinkedHashMap<>();
                        for (String metric : metrics.names()) {
                            Double v = metrics.number(metric, null);
                            if (v != null) {
                                values.put(metric, v);
                            }
                        }
                        reference.figures.put(pipeline, values);
                    });
                }
            });
        });
        return missing;
    }
}
