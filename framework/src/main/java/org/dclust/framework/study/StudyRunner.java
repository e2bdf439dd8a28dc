package org.dclust.framework.study;

import com.fasterxml.jackson.core.type.TypeReference;
import com.google.inject.Inject;
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
import java.util.function.BooleanSupplier;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.InvalidParameterException;
import org.dclust.api.spi.PluginInfo;
import org.dclust.api.train.EventSink;
import org.dclust.framework.config.ConfigResolver;
import org.dclust.framework.config.ResolvedRun;
import org.dclust.framework.config.RunConfig;
import org.dclust.framework.registry.PluginRegistry;
import org.dclust.framework.run.PipelineRunner;
import org.dclust.framework.run.RunOptions;
import org.dclust.framework.run.RunResult;

/**
 * Runs a study grid (data sets × seeds × learners × refiners, in that nesting, so each learner's phase 1
 * is trained once and then served from the study's cache to every refiner). Every cell is a pipeline
 * run in {@code cells/DATASET/LEARNER+REFINER/seedN}; a finished cell (its result.json exists) is
 * skipped when the study is started again, and an unfinished one resumes from its checkpoints, so a
 * killed study loses nothing finished. After every cell the study's results.json, results.csv,
 * results.md and the ACC bar chart are rewritten.
 */
public final class StudyRunner {
    private final ConfigResolver resolver;
    private final PipelineRunner runner;
    private final PluginRegistry registry;

    @Inject
    public StudyRunner(ConfigResolver resolver, PipelineRunner runner, PluginRegistry registry) {
        this.resolver = resolver;
        this.runner = runner;
        this.registry = registry;
    }

    /** The grid in run order. */
    public static List<StudyCell> cells(StudyFile s) {
        List<StudyCell> out = new ArrayList<>();
        for (StudyFile.DatasetEntry d : s.datasets) {
            for (long seed : s.seeds) {
                for (String l : s.learners) {
                    for (String r : s.refiners) {
                        out.add(new StudyCell(d, l, r, seed));
                    }
                }
            }
        }
        return out;
    }

    /** Resolves every cell's configuration; all problems of the whole study are reported together. */
    public Map<StudyCell, ResolvedRun> resolve(StudyFile s) {
        Set<String> problems = new LinkedHashSet<>();
        Map<StudyCell, ResolvedRun> out = new LinkedHashMap<>();
        Set<String> prefixes = knownPrefixes(s, problems);
        for (String key : s.set.keySet()) {
            int dot = key.lastIndexOf('.');
            String prefix = dot < 0 ? key : key.substring(0, dot).toLowerCase(Locale.ROOT);
            if (!prefixes.contains(prefix)) {
                problems.add("study setting '" + key + "' names no plugin of this study; use a role (learner, refiner, backbone) or one of "
                        + String.join(", ", prefixes));
            }
        }
        for (StudyCell cell : cells(s)) {
            RunConfig c = config(s, cell);
            try {
                out.put(cell, resolver.resolve(c));
            } catch (InvalidParameterException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidParameterException(new ArrayList<>(problems));
        }
        return out;
    }

    private Set<String> knownPrefixes(StudyFile s, Set<String> problems) {
        Set<String> p = new LinkedHashSet<>(List.of("learner", "refiner", "backbone", "dataset"));
        List<PluginInfo> plugins = new ArrayList<>();
        for (String l : s.learners) {
            add(plugins, org.dclust.api.spi.LearnerProvider.class, l, problems);
        }
        for (String r : s.refiners) {
            add(plugins, org.dclust.api.spi.RefinerProvider.class, r, problems);
        }
        add(plugins, org.dclust.api.spi.BackboneProvider.class, s.backbone, problems);
        for (PluginInfo info : plugins) {
            p.add(info.name().toLowerCase(Locale.ROOT));
            info.aliases().forEach(a -> p.add(a.toLowerCase(Locale.ROOT)));
        }
        return p;
    }

    private <P extends PluginInfo> void add(List<PluginInfo> out, Class<P> kind, String name, Set<String> problems) {
        try {
            out.add(registry.get(kind, name));
        } catch (DclustException e) {
            problems.add(e.getMessage());
        }
    }

    /** The run configuration of one cell: the study's settings that concern its plugins, and its data set's settings. */
    RunConfig config(StudyFile s, StudyCell cell) {
        RunConfig c = new RunConfig();
        c.dataset = cell.dataset().name;
        c.learner = cell.learner();
        c.refiner = cell.refiner();
        c.backbone = s.backbone;
        c.clusters = s.clusters;
        c.preset = s.preset;
        c.preprocessing = s.preprocessing;
        c.seed = cell.seed();
        c.device = s.device;
        Set<String> mine = new LinkedHashSet<>(List.of("learner", "refiner", "backbone"));
        for (var entry : List.of(registry.get(org.dclust.api.spi.LearnerProvider.class, cell.learner()),
                registry.get(org.dclust.api.spi.RefinerProvider.class, cell.refiner()),
                registry.get(org.dclust.api.spi.BackboneProvider.class, s.backbone))) {
            mine.add(entry.name().toLowerCase(Locale.ROOT));
            entry.aliases().forEach(a -> mine.add(a.toLowerCase(Locale.ROOT)));
        }
        for (Map.Entry<String, Object> e : s.set.entrySet()) {
            int dot = e.getKey().lastIndexOf('.');
            if (dot > 0 && mine.contains(e.getKey().substring(0, dot).toLowerCase(Locale.ROOT))) {
                c.set.put(e.getKey(), e.getValue());
            }
        }
        cell.dataset().set.forEach((k, v) -> c.set.put("dataset." + k, v));
        return c;
    }

    /**
     * Runs (or resumes) the study in {@code dir}.
     *
     * @return every finished cell's record, in grid order
     */
    public List<Map<String, Object>> run(StudyFile s, Path dir, EventSink events, BooleanSupplier cancelled) {
        Map<StudyCell, ResolvedRun> runs = resolve(s);
        List<StudyCell> cells = new ArrayList<>(runs.keySet());
        Map<StudyCell, Map<String, Object>> done = new LinkedHashMap<>();
        for (StudyCell cell : cells) {
            Map<String, Object> r = readRecord(cell.dir(dir));
            if (r != null) {
                done.put(cell, r);
            }
        }
        if (!done.isEmpty()) {
            events.info("study: " + done.size() + " of " + cells.size() + " cells already finished in " + dir);
        }
        long started = System.nanoTime();
        int ranThisTime = 0;
        Map<String, Dataset> loaded = new LinkedHashMap<>();
        for (StudyCell cell : cells) {
            if (done.containsKey(cell)) {
                continue;
            }
            if (cancelled.getAsBoolean()) {
                break;
            }
            ResolvedRun run = runs.get(cell);
            events.info("study: cell " + (done.size() + 1) + "/" + cells.size() + ": " + cell.id());
            String dataKey = cell.dataset().label();
            long t0 = System.nanoTime();
            Dataset data = loaded.computeIfAbsent(dataKey, k -> runner.load(run));
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            if (loaded.size() > 1) {
                loaded.keySet().removeIf(k -> !k.equals(dataKey));
            }
            try (RunResult result = runner.run(run, data, loadSeconds, new RunOptions(cell.dir(dir), dir.resolve("cache"), events, cancelled, s.plots, s.tsne))) {
                done.put(cell, result.record());
            }
            ranThisTime++;
            double elapsed = (System.nanoTime() - started) / 1e9;
            int left = cells.size() - done.size();
            events.info(String.format(Locale.ROOT, "study: %d/%d cells done; %s; about %s left", done.size(), cells.size(),
                    minutes(elapsed), minutes(elapsed / ranThisTime * left)));
            StudyReport.write(s, dir, cells, done);
        }
        StudyReport.write(s, dir, cells, done);
        List<Map<String, Object>> out = new ArrayList<>();
        for (StudyCell c : cells) {
            if (done.containsKey(c)) {
                out.add(done.get(c));
            }
        }
        return out;
    }

    private static String minutes(double seconds) {
        return seconds < 90 ? String.format(Locale.ROOT, "%.0f s", seconds) : String.format(Locale.ROOT, "%.0f min", seconds / 60);
    }

    private static Map<String, Object> readRecord(Path cellDir) {
        Path f = cellDir.resolve("result.json");
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return PipelineRunner.json().readValue(f.toFile(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new DclustException("the finished cell's " + f + " is unreadable (" + e.getMessage() + "); delete that cell's directory to run it again");
        }
    }
}
