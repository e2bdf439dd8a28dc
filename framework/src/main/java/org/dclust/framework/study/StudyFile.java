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
import org.dclust.framework.config.CloseMatches;
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
 * learners:
 *   - ae                                                    # a learner plugin by name
 *   - {name: ae-aug, learner: ae, set: {ae.pretrainAugment: affine}}   # a variant with its own settings
 *   - {name: moco, backbone: resnet}                        # its own backbone
 * refiners:
 *   - centroid                                              # a refiner plugin by name
 *   - mnet
 *   - {name: mnet-guard, refiner: mnet, set: {mnet.guard: true}}       # a variant with its own settings
 * seeds: [1, 2, 3]
 * preset: default
 * set: {mlp.latentDim: 10}
 * reference:
 *   source: DCSS paper, Tables 1 and 4
 *   figures: {ae+centroid: {acc: 57.94, nmi: 57.15}}
 * beside:                                                   # measured rows of other studies, not retrained
 *   - {results: results/table5-moco/results.json, pipelines: [moco+centroid]}
 * </pre>
 *
 * {@code reference} may also be a list of such mappings, each with a {@code dataset} that names the
 * data the figures were measured on when it is not the study's own (the report labels them with it).
 */
public final class StudyFile {
    public String name = "study";
    public List<DatasetEntry> datasets = new ArrayList<>();
    /** The learner entries (plain names or variants), in table order; each entry's name is unique ignoring case. */
    public List<LearnerEntry> learners = new ArrayList<>();
    /** The refiner entries (plain names or variants), in table order; each entry's name is unique ignoring case. */
    public List<RefinerEntry> refiners = new ArrayList<>();
    public List<Long> seeds = new ArrayList<>(List.of(1L));
    /**
     * The backbone of every cell whose learner entry names none; null (absent): each learner's default
     * ({@link org.dclust.api.spi.LearnerProvider#defaultBackbone}).
     */
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
    /** Published figures to print beside the measured ones; empty: none. */
    public List<Reference> references = new ArrayList<>();
    /** Other studies' measured pipelines to print beside this study's, read from their results (not retrained); empty: none. */
    public List<Beside> beside = new ArrayList<>();
    /** The file the study was read from, named by the problems of its settings; null for a study made in code. */
    public Path file;

    /** What a data set label may hold: it names a directory. */
    private static final String LABEL = "[A-Za-z0-9][A-Za-z0-9._+-]*";
    /** What a learner or refiner entry's name may hold: it names a directory (LEARNER+REFINER), so no '+'. */
    private static final String ENTRY_NAME = "[A-Za-z0-9][A-Za-z0-9._-]*";
    /** The fields of a learner entry given as a mapping. */
    public static final List<String> LEARNER_FIELDS = List.of("name", "learner", "backbone", "set");
    /** The fields of a refiner entry given as a mapping. */
    public static final List<String> REFINER_FIELDS = List.of("name", "refiner", "set");

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

    /**
     * One learner of the grid: a learner plugin under a name, optionally with its own backbone and
     * settings, so one plugin may appear in several variants side by side ({@code ae} and {@code ae-aug}).
     * The name labels the entry's cells ({@code NAME+REFINER}: their directory, their rows in the
     * results, the keys of reference figures). Given as a plain name, the entry is that plugin with the
     * study's backbone and settings, exactly as before variants existed, so its cells keep their identity.
     */
    public static final class LearnerEntry {
        /** The entry's name in tables, directories and figure keys. */
        public String name;
        /** The learner plugin; null: {@link #name}. */
        public String learner;
        /** The backbone of this entry's cells; null: the study's, else the learner's default. */
        public String backbone;
        /** Settings {@code plugin.param} of this entry's cells, over the study's settings of the same parameters. */
        public Map<String, Object> set = new LinkedHashMap<>();
        /** Whether the entry was given as a mapping (a variant), not as a plain name. */
        public boolean variant;

        /** A plain entry: the plugin {@code name} with the study's backbone and settings. */
        public static LearnerEntry of(String name) {
            LearnerEntry e = new LearnerEntry();
            e.name = name;
            return e;
        }

        /** The learner plugin's name as given. */
        public String learner() {
            return learner != null ? learner : name;
        }

        /** What the entry changes of its plugin, for reports ("ae, backbone mlp, ae.pretrainAugment = affine"); the name for a plain one. */
        public String describe() {
            StringBuilder b = new StringBuilder(learner());
            if (backbone != null) {
                b.append(", backbone ").append(backbone);
            }
            set.forEach((k, v) -> b.append(", ").append(k).append(" = ").append(v));
            return b.toString();
        }
    }

    /**
     * One refiner of the grid: a refiner plugin under a name, optionally with its own settings, so one
     * plugin may appear in several variants side by side ({@code mnet} and {@code mnet-guard}, an
     * ablation of one parameter). Every learner entry's cells run with every refiner entry, and a
     * learner's phase 1 is trained once for all of them (the study's cache). The name labels the
     * entry's cells ({@code LEARNER+NAME}: their directory, their rows, the keys of reference figures);
     * the entry named {@code centroid} is the baseline of the gain tables. Its settings may name only its
     * refiner (by plugin name or as {@code refiner.param}) and replace, in its cells, the study's and the
     * learner entry's settings of the same parameter. Given as a plain name, the entry is that plugin with
     * the study's settings, exactly as before variants existed, so its cells keep their identity.
     */
    public static final class RefinerEntry {
        /** The entry's name in tables, directories and figure keys. */
        public String name;
        /** The refiner plugin; null: {@link #name}. */
        public String refiner;
        /** Settings {@code plugin.param} of this entry's cells, over the study's and the learner entry's. */
        public Map<String, Object> set = new LinkedHashMap<>();
        /** Whether the entry was given as a mapping (a variant), not as a plain name. */
        public boolean variant;

        /** A plain entry: the plugin {@code name} with the study's settings. */
        public static RefinerEntry of(String name) {
            RefinerEntry e = new RefinerEntry();
            e.name = name;
            return e;
        }

        /** The refiner plugin's name as given. */
        public String refiner() {
            return refiner != null ? refiner : name;
        }

        /** What the entry changes of its plugin, for reports ("mnet, mnet.guard = true"); the name for a plain one. */
        public String describe() {
            StringBuilder b = new StringBuilder(refiner());
            set.forEach((k, v) -> b.append(", ").append(k).append(" = ").append(v));
            return b.toString();
        }
    }

    /** The refiner entries' names, in table order. */
    public List<String> refinerNames() {
        return refiners.stream().map(r -> r.name).toList();
    }

    /**
     * Published figures (in percent) keyed "learner+refiner" (a learner entry's name), where they come
     * from, and the data set they were measured on when it is not the study's own.
     */
    public static final class Reference {
        public String source;
        /** The data the figures were measured on (e.g. "CIFAR-10"); null: the study's own data sets. */
        public String dataset;
        public Map<String, Map<String, Double>> figures = new LinkedHashMap<>();
    }

    /**
     * Pipelines another study measured, to report beside this study's on the same data ({@link
     * BesideRows}): its {@code results.json} (a path relative to this study file's folder, such as
     * {@code results/table4-fashion-mnist/results.json}, what {@code scripts/long-study.sh harvest}
     * commits) and the pipelines ({@code LEARNER+REFINER}, as its cells name them) to take. Each row
     * goes into this study's table of the data set with the same label in that study. The file need not
     * exist yet (a long study may not have run): the report then says so.
     */
    public static final class Beside {
        /** The other study's results.json as written in the study file. */
        public String results;
        public List<String> pipelines = new ArrayList<>();

        /** The results file: relative paths from the study file's folder (or the working directory for a study made in code). */
        public Path path(Path studyFile) {
            Path p = Path.of(results);
            Path folder = studyFile == null ? null : studyFile.toAbsolutePath().getParent();
            return p.isAbsolute() || folder == null ? p : folder.resolve(p).normalize();
        }
    }

    /** The fields of a study file. */
    public static final List<String> FIELDS = List.of("name", "datasets", "learners", "refiners", "seeds", "backbone", "preset",
            "preprocessing", "clusters", "selectEpoch", "device", "set", "plots", "tsne", "reference", "beside");

    /**
     * Reads a study file. Every problem of the file (not valid YAML, a field given twice, an unknown
     * field, a value of the wrong kind, an empty grid) is reported together, each naming the line,
     * column and field, in one {@link InvalidParameterException}; a missing file is a user error too.
     */
    public static StudyFile read(Path file) {
        StudyFile s = new StudyFile();
        s.file = file;
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
        entryNameProblems("learner", "refiner", learners.stream().map(l -> l.name).toList(), problems);
        entryNameProblems("refiner", "learner", refiners.stream().map(r -> r.name).toList(), problems);
        Set<String> pipelines = new LinkedHashSet<>();
        learners.forEach(l -> refiners.forEach(r -> pipelines.add(l.name + "+" + r.name)));
        for (Reference r : references) {
            for (String key : r.figures.keySet()) {
                if (!pipelines.contains(key)) {
                    problems.add("reference figures '" + key + "' name no pipeline of this study" + CloseMatches.hint(key, pipelines)
                            + "; its pipelines are LEARNER+REFINER with the learner entries' names: " + String.join(", ", pipelines));
                }
            }
        }
        for (Beside b : beside) {
            if (b.results != null) {
                String problem = BesideRows.fileProblem(b.path(file));
                if (problem != null) {
                    problems.add("beside results '" + b.results + "' " + problem);
                }
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

    /**
     * Adds a problem for each entry name ({@code kind} "learner" or "refiner") that cannot name a
     * directory (it joins the other kind's name with '+') and for each name given to several entries.
     */
    private static void entryNameProblems(String kind, String other, List<String> entryNames, List<String> problems) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (String name : entryNames) {
            if (name == null) {
                continue;
            }
            if (!name.matches(ENTRY_NAME)) {
                problems.add(kind + " name '" + name + "' cannot name a directory: use letters, digits and . _ - (not first; no +, which"
                        + " joins it to the " + other + ")");
            }
            names.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(name);
        }
        for (List<String> same : names.values()) {
            if (same.size() > 1) {
                problems.add(same.size() + " " + kind + " entries are named '" + same.get(0) + "'"
                        + (same.stream().distinct().count() > 1 ? " (as " + String.join(", ", same) + "; case does not count)" : "")
                        + ": give each its own name (name: NAME), which names its cells directory and its rows");
            }
        }
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
        for (YamlFields.NameOrMapping item : f.namesOrMappings("learners", "[ae, {name: ae-aug, learner: ae, set: {ae.pretrainAugment: affine}}]")) {
            learners.add(item.fields() == null ? LearnerEntry.of(item.name()) : learnerEntry(item.fields()));
        }
        if (learners.isEmpty() && f.isEmptyOrAbsent("learners")) {
            missing.add("learners");
        }
        for (YamlFields.NameOrMapping item : f.namesOrMappings("refiners", "[mnet, {name: mnet-guard, refiner: mnet, set: {mnet.guard: true}}]")) {
            refiners.add(item.fields() == null ? RefinerEntry.of(item.name()) : refinerEntry(item.fields()));
        }
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
        String example = "{source: DCSS paper, figures: {dcss+mnet: {acc: 66.4}}}";
        if (f.isList("reference")) {
            f.mappings("reference", example).forEach(r -> references.add(reference(r)));
        } else {
            f.mapping("reference", example).ifPresent(r -> references.add(reference(r)));
        }
        f.mappings("beside", "{results: results/table4-fashion-mnist/results.json, pipelines: [dcss+mnet]}").forEach(b -> beside.add(beside(b)));
        return missing;
    }

    /** A learner entry given as a mapping: name required, the rest optional. */
    private static LearnerEntry learnerEntry(YamlFields l) {
        l.rejectUnknown(LEARNER_FIELDS);
        LearnerEntry e = new LearnerEntry();
        e.variant = true;
        e.name = l.text("name", null);
        e.learner = l.optionalText("learner", null);
        e.backbone = l.optionalText("backbone", null);
        e.set = l.settings("set");
        if (!l.names().contains("name")) {
            l.missing("name", "the entry's name in tables and directories, e.g. name: ae-aug (and learner: ae, the plugin)");
        }
        return e;
    }

    /** A refiner entry given as a mapping: name required, the rest optional. */
    private static RefinerEntry refinerEntry(YamlFields r) {
        r.rejectUnknown(REFINER_FIELDS);
        RefinerEntry e = new RefinerEntry();
        e.variant = true;
        e.name = r.text("name", null);
        e.refiner = r.optionalText("refiner", null);
        e.set = r.settings("set");
        if (!r.names().contains("name")) {
            r.missing("name", "the entry's name in tables and directories, e.g. name: mnet-guard (and refiner: mnet, the plugin)");
        }
        return e;
    }

    /** One beside entry: a results file and at least one pipeline, each LEARNER+REFINER. */
    private static Beside beside(YamlFields b) {
        b.rejectUnknown(List.of("results", "pipelines"));
        Beside e = new Beside();
        e.results = b.text("results", null);
        if (!b.names().contains("results")) {
            b.missing("results", "the other study's results.json, relative to this file's folder, e.g. results: results/table4-fashion-mnist/results.json");
        }
        e.pipelines = b.texts("pipelines", List.of(), "[dcss+mnet, moco+centroid]");
        if (e.pipelines.isEmpty() && b.isEmptyOrAbsent("pipelines")) {
            b.missing("pipelines", "the pipelines to take from it, LEARNER+REFINER as its cells name them, e.g. pipelines: [dcss+mnet]");
        }
        for (String pipeline : e.pipelines) {
            if (pipeline != null && !pipeline.matches(ENTRY_NAME + "\\+" + ENTRY_NAME)) {
                b.invalid("pipelines", "LEARNER+REFINER in each name, as the other study's cells name them, e.g. [dcss+mnet] ('" + pipeline
                        + "' is not of that form)");
            }
        }
        return e;
    }

    /** One reference: where the figures come from, on which data (when not the study's), and the figures. */
    private static Reference reference(YamlFields r) {
        r.rejectUnknown(List.of("source", "dataset", "figures"));
        Reference reference = new Reference();
        reference.source = r.optionalText("source", null);
        reference.dataset = r.optionalText("dataset", null);
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
        return reference;
    }
}
