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
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.InvalidParameterException;
import org.dclust.api.spi.BackboneProvider;
import org.dclust.api.spi.LearnerProvider;
import org.dclust.api.spi.PluginInfo;
import org.dclust.api.spi.RefinerProvider;
import org.dclust.api.toolkit.Atomic;
import org.dclust.api.train.EventSink;
import org.dclust.api.train.TrainingDivergedException;
import org.dclust.framework.config.ConfigFiles;
import org.dclust.framework.config.ConfigResolver;
import org.dclust.framework.config.ResolvedRun;
import org.dclust.framework.config.RunConfig;
import org.dclust.framework.registry.PluginRegistry;
import org.dclust.framework.run.IdentityChanges;
import org.dclust.framework.run.PipelineRunner;
import org.dclust.framework.run.RunIdentity;
import org.dclust.framework.run.RunOptions;
import org.dclust.framework.run.RunRecord;
import org.dclust.framework.run.RunResult;

/**
 * Runs a study grid (data sets × seeds × learners × refiners, in that nesting, so each learner's phase 1
 * is trained once and then served from the study's cache to every refiner). Every cell is a pipeline
 * run in {@code cells/DATASET/LEARNER+REFINER/seedN}. Everything is checked first ({@link #plan}):
 * every configuration, every data set and K. When the study is started again, a finished cell whose
 * configuration and data are unchanged (its result.json records the same identity) is kept, and an
 * unfinished one resumes from its checkpoints, so a killed study loses nothing finished; a cell that
 * changed runs again from nothing, and the events say what changed. A cell whose training diverges is
 * recorded as failed and the others run. After every cell the study's results.json, results.csv,
 * results.md and the ACC bar chart are rewritten.
 */
public final class StudyRunner {
    /** A cell whose training diverged: its message and identity. */
    static final String FAILED = "failed.json";

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
                for (StudyFile.LearnerEntry l : s.learners) {
                    for (StudyFile.RefinerEntry r : s.refiners) {
                        out.add(new StudyCell(d, l, r, seed));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Resolves every cell's configuration; all problems of the whole study are reported together. A
     * problem of a setting names the set it came from and the file ({@link StudySettings}); another
     * problem that only some learner entries' cells have (a backbone a learner cannot use) names those
     * entries; two entries that would run the same cells are refused.
     */
    public Map<StudyCell, ResolvedRun> resolve(StudyFile s) {
        Set<String> problems = new LinkedHashSet<>();
        Map<StudyFile.LearnerEntry, EntryPlugins> plugins = plugins(s, problems);
        StudySettings settings = new StudySettings(s, registry);
        if (problems.isEmpty()) {
            // with a plugin unknown, the settings meant for it would each be reported as naming no plugin as well
            settings.checkKeys(plugins, problems);
        }
        Map<String, Set<String>> cellProblems = new LinkedHashMap<>();
        Map<StudyCell, ResolvedRun> out = new LinkedHashMap<>();
        for (StudyCell cell : cells(s)) {
            EntryPlugins p = plugins.get(cell.learner());
            if (p == null || p.refiners().stream().noneMatch(r -> r.name().equals(registryName(cell.refiner())))) {
                continue; // its learner, backbone or refiner is unknown: reported above
            }
            RunConfig config = null;
            try {
                config = config(s, cell, p);
                out.put(cell, resolver.resolve(config));
            } catch (InvalidParameterException e) {
                for (String problem : e.problems()) {
                    String named = config == null ? null : settings.attribute(cell, p, config.presetOrDefault(), problem);
                    if (named != null) {
                        problems.add(named);
                    } else {
                        cellProblems.computeIfAbsent(problem, k -> new LinkedHashSet<>()).add(cell.learner().name);
                    }
                }
            } catch (DclustException e) {
                cellProblems.computeIfAbsent(e.getMessage(), k -> new LinkedHashSet<>()).add(cell.learner().name);
            }
        }
        cellProblems.forEach((problem, entries) -> problems.add(entries.size() == s.learners.size() ? problem
                : "learner" + (entries.size() > 1 ? "s " : " ") + String.join(", ", entries) + ": " + problem));
        if (problems.isEmpty()) {
            sameRuns(out, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidParameterException(new ArrayList<>(problems));
        }
        return out;
    }

    /** The plugins of every learner entry whose learner and backbone exist; the unknown ones are problems, naming the entry. */
    private Map<StudyFile.LearnerEntry, EntryPlugins> plugins(StudyFile s, Set<String> problems) {
        List<PluginInfo> refiners = new ArrayList<>();
        for (StudyFile.RefinerEntry r : s.refiners) {
            try {
                PluginInfo refiner = registry.get(RefinerProvider.class, r.refiner());
                if (!refiners.contains(refiner)) {
                    refiners.add(refiner);
                }
                otherPluginsName(RefinerProvider.class, "refiner", r.name, refiner).ifPresent(problems::add);
            } catch (DclustException e) {
                problems.add((r.variant ? "refiner entry '" + r.name + "': " : "") + e.getMessage());
            }
        }
        Map<StudyFile.LearnerEntry, EntryPlugins> out = new LinkedHashMap<>();
        for (StudyFile.LearnerEntry entry : s.learners) {
            String context = entry.variant ? "learner entry '" + entry.name + "': " : "";
            LearnerProvider learner;
            try {
                learner = registry.get(LearnerProvider.class, entry.learner());
            } catch (DclustException e) {
                problems.add(context + e.getMessage());
                continue;
            }
            otherPluginsName(LearnerProvider.class, "learner", entry.name, learner).ifPresent(problems::add);
            try {
                out.put(entry, new EntryPlugins(learner, registry.get(BackboneProvider.class, backbone(s, entry, learner)), refiners));
            } catch (DclustException e) {
                problems.add(context + e.getMessage());
            }
        }
        return out;
    }

    /**
     * A problem when an entry named {@code name} runs {@code plugin} but its name is another plugin's of
     * the same kind ({@code {name: centroid, refiner: mnet}}): its cells, rows, gain tables and reference
     * figures would read as that plugin's.
     */
    private <P extends PluginInfo> Optional<String> otherPluginsName(Class<P> kind, String role, String name, PluginInfo plugin) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            P named = registry.get(kind, name);
            if (!named.name().equals(plugin.name())) {
                return Optional.of(role + " entry '" + name + "' runs " + plugin.name() + " under the name of the " + role + " " + named.name()
                        + ": its cells, rows and reference figures would read as " + named.name() + "'s; give it a name of its own");
            }
        } catch (DclustException e) {
            // a name of its own
        }
        return Optional.empty();
    }

    /** The name of a refiner entry's plugin as registered; null when no refiner has it. */
    private String registryName(StudyFile.RefinerEntry entry) {
        try {
            return registry.get(RefinerProvider.class, entry.refiner()).name();
        } catch (DclustException e) {
            return null;
        }
    }

    /** The backbone of an entry's cells: its own, else the study's, else the learner's default. */
    private static String backbone(StudyFile s, StudyFile.LearnerEntry entry, LearnerProvider learner) {
        return entry.backbone != null ? entry.backbone : s.backbone != null ? s.backbone : learner.defaultBackbone();
    }

    /**
     * Two learner entries whose cells all resolve to the same runs (same learner, backbone and
     * refiner with the same parameters, cell for cell: a plugin listed twice, under two spellings, or a
     * variant that changes nothing) would compute the same thing twice; so would two such refiner
     * entries. Entries that differ in some cells only (a learner variant that sets a refiner's
     * parameter leaves its centroid cells as the plain learner's) are different entries.
     */
    private static void sameRuns(Map<StudyCell, ResolvedRun> runs, Set<String> problems) {
        Map<StudyFile.LearnerEntry, List<List<Object>>> byLearner = new LinkedHashMap<>();
        Map<StudyFile.RefinerEntry, List<List<Object>>> byRefiner = new LinkedHashMap<>();
        Map<Object, ResolvedRun> firstRun = new LinkedHashMap<>();
        for (Map.Entry<StudyCell, ResolvedRun> e : runs.entrySet()) {
            StudyCell c = e.getKey();
            ResolvedRun r = e.getValue();
            firstRun.putIfAbsent(c.learner(), r);
            firstRun.putIfAbsent(c.refiner(), r);
            List<Object> run = List.of(r.learner().describe(), r.backbone().describe(), r.refiner().describe());
            byLearner.computeIfAbsent(c.learner(), k -> new ArrayList<>()).add(List.of(c.dataset().label(), c.seed(), c.refiner().name, run));
            byRefiner.computeIfAbsent(c.refiner(), k -> new ArrayList<>()).add(List.of(c.dataset().label(), c.seed(), c.learner().name, run));
        }
        Map<List<List<Object>>, StudyFile.LearnerEntry> learners = new LinkedHashMap<>();
        byLearner.forEach((entry, cells) -> {
            StudyFile.LearnerEntry first = learners.putIfAbsent(cells, entry);
            if (first != null) {
                ResolvedRun r = firstRun.get(entry);
                problems.add("learner entries " + first.name + " and " + entry.name + " run the same cells (learner "
                        + r.learner().provider().name() + ", backbone " + r.backbone().provider().name()
                        + ", the same settings): list it once, or give a variant the settings that make it differ");
            }
        });
        Map<List<List<Object>>, StudyFile.RefinerEntry> refiners = new LinkedHashMap<>();
        byRefiner.forEach((entry, cells) -> {
            StudyFile.RefinerEntry first = refiners.putIfAbsent(cells, entry);
            if (first != null) {
                problems.add("refiner entries " + first.name + " and " + entry.name + " run the same cells (refiner "
                        + firstRun.get(entry).refiner().provider().name() + ", the same settings): list it once, or give a variant the"
                        + " settings that make it differ");
            }
        });
    }

    /**
     * The run configuration of one cell: the study's settings that concern its plugins (and the data
     * set: {@code dataset.param}), then its learner entry's, then its refiner entry's (each replacing the
     * settings before it of the same parameter, under any spelling), then its data set entry's.
     */
    private RunConfig config(StudyFile s, StudyCell cell, EntryPlugins p) {
        RunConfig c = new RunConfig();
        c.dataset = cell.dataset().name;
        c.learner = cell.learner().learner();
        c.refiner = cell.refiner().refiner();
        c.backbone = cell.learner().backbone != null ? cell.learner().backbone : s.backbone;
        c.clusters = s.clusters;
        c.selectEpoch = s.selectEpoch;
        c.preset = s.preset;
        c.preprocessing = s.preprocessing;
        c.seed = cell.seed();
        c.device = s.device;
        Map<String, String> roles = p.roles(registry.get(RefinerProvider.class, cell.refiner().refiner()));
        Set<String> byRefiner = new LinkedHashSet<>();
        cell.refiner().set.keySet().forEach(k -> byRefiner.add(StudySettings.slot(k, roles)));
        Set<String> overridden = new LinkedHashSet<>(byRefiner);
        cell.learner().set.keySet().forEach(k -> overridden.add(StudySettings.slot(k, roles)));
        for (Map.Entry<String, Object> e : s.set.entrySet()) {
            String slot = StudySettings.slot(e.getKey(), roles);
            if ((slot != null && !overridden.contains(slot)) || StudySettings.prefix(e.getKey()).equals("dataset")) {
                c.set.put(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, Object> e : cell.learner().set.entrySet()) {
            String slot = StudySettings.slot(e.getKey(), roles);
            if (slot != null && !byRefiner.contains(slot)) {
                c.set.put(e.getKey(), e.getValue());
            }
        }
        Set<String> given = new LinkedHashSet<>();
        for (Map.Entry<String, Object> e : cell.refiner().set.entrySet()) {
            String slot = StudySettings.slot(e.getKey(), roles);
            // another plugin's key, or a parameter set twice, is refused by StudySettings.checkKeys
            if (slot != null && slot.startsWith("refiner.") && given.add(slot)) {
                c.set.put(e.getKey(), e.getValue());
            }
        }
        cell.dataset().set.forEach((k, v) -> c.set.put("dataset." + k, v));
        return c;
    }

    /**
     * Checks the whole study before anything is written or trained: every cell's configuration (all
     * problems together), then every data set, loaded once, and K against it.
     *
     * @throws DclustException a user error (nothing is written)
     */
    public StudyPlan plan(StudyFile s) {
        Map<StudyCell, ResolvedRun> runs = resolve(s);
        List<StudyCell> cells = new ArrayList<>(runs.keySet());
        Map<StudyCell, RunIdentity> identities = new LinkedHashMap<>();
        Object key = null;
        Dataset data = null;
        Dataset first = null;
        for (StudyCell cell : cells) {
            ResolvedRun run = runs.get(cell);
            if (!run.dataset().describe().equals(key)) {
                // the cells of one data set are adjacent: one loaded at a time, the first kept for the first cell
                key = run.dataset().describe();
                data = runner.load(run);
            }
            if (first == null) {
                first = data;
            }
            try {
                identities.put(cell, PipelineRunner.identity(run, data));
            } catch (DclustException e) {
                // what only the data can refuse (images where a plugin needs them, a batch larger than the data): name the cell
                throw new DclustException("study " + s.name + ", cell " + cell.id() + ": " + e.getMessage(), e);
            }
        }
        return new StudyPlan(s, cells, runs, identities, first);
    }

    /**
     * Runs (or resumes) the study in {@code dir}.
     *
     * @return the finished cells' records and the cells whose training diverged
     */
    public StudyOutcome run(StudyFile s, Path dir, EventSink events, BooleanSupplier cancelled) {
        return run(plan(s), dir, events, cancelled);
    }

    /**
     * Runs (or resumes) a checked study in {@code dir}. A cell that finished (or diverged) before with
     * the same identity is kept; one whose configuration or data changed since it ran, and an
     * unfinished one whose config.yaml differs from its configuration now, starts again from nothing,
     * and the events say which and what changed. A cell whose training diverges is recorded as failed
     * (its failed.json) and the others run.
     */
    public StudyOutcome run(StudyPlan plan, Path dir, EventSink events, BooleanSupplier cancelled) {
        StudyFile s = plan.study();
        List<StudyCell> cells = plan.cells();
        StudyProgress progress = resume(plan, dir, events);
        Map<StudyCell, RunRecord> done = progress.done();
        Map<StudyCell, String> failed = progress.failed();
        long started = System.nanoTime();
        int ranThisTime = 0;
        Map<Object, Dataset> loaded = new LinkedHashMap<>();
        loaded.put(plan.runs().get(cells.get(0)).dataset().describe(), plan.firstData());
        for (StudyCell cell : cells) {
            if (done.containsKey(cell) || failed.containsKey(cell)) {
                continue;
            }
            if (cancelled.getAsBoolean()) {
                break;
            }
            ResolvedRun run = plan.runs().get(cell);
            events.info("study: cell " + (done.size() + failed.size() + 1) + "/" + cells.size() + ": " + cell.id());
            Object dataKey = run.dataset().describe();
            long t0 = System.nanoTime();
            Dataset data = loaded.computeIfAbsent(dataKey, k -> runner.load(run));
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            loaded.keySet().removeIf(k -> !k.equals(dataKey));
            RunRecord record = runCell(s, dir, cell, run, data, loadSeconds, plan.identities().get(cell), events, cancelled);
            if (record != null) {
                done.put(cell, record);
            } else {
                failed.put(cell, CellFailure.read(cell.dir(dir).resolve(FAILED)).error());
            }
            ranThisTime++;
            double elapsed = (System.nanoTime() - started) / 1e9;
            int left = cells.size() - done.size() - failed.size();
            events.info(String.format(Locale.ROOT, "study: %d/%d cells done%s; %s; about %s left", done.size() + failed.size(), cells.size(),
                    failed.isEmpty() ? "" : " (" + failed.size() + " failed)", minutes(elapsed), minutes(elapsed / ranThisTime * left)));
            StudyReport.write(s, dir, cells, done, failed);
        }
        return finish(plan, dir, progress);
    }

    /**
     * What of the study already ran in {@code dir}: every cell that finished (or diverged) before with
     * the identity it has now. A cell that changed since it ran is deleted, so it runs again from
     * nothing, and the events say what changed; an unfinished cell is left to resume from its
     * checkpoints. Called again after cells ran elsewhere (another engine), it collects their results.
     *
     * @return the finished and failed cells (mutable maps, in grid order)
     */
    public StudyProgress resume(StudyPlan plan, Path dir, EventSink events) {
        List<StudyCell> cells = plan.cells();
        Map<StudyCell, RunRecord> done = new LinkedHashMap<>();
        Map<StudyCell, String> failed = new LinkedHashMap<>();
        int kept = 0;
        for (StudyCell cell : cells) {
            kept += reuse(cell, cell.dir(dir), plan, done, failed, events) ? 1 : 0;
        }
        if (kept > 0) {
            events.info("study: " + kept + " of " + cells.size() + " cells already ran in " + dir
                    + (failed.isEmpty() ? "" : " (" + failed.size() + " of them failed)"));
        }
        return new StudyProgress(done, failed);
    }

    /**
     * Runs one cell into {@code cell.dir(dir)} with the study's cache {@code dir/cache}; an unfinished
     * run there resumes from its checkpoints. A cell whose training diverges is recorded as failed (its
     * failed.json, with {@code identity}) and the events say so.
     *
     * @param data the cell's data set, loaded ({@link PipelineRunner#load})
     * @param identity the identity the cell records ({@link StudyPlan#identities})
     * @return the cell's record, or null when its training diverged
     */
    public RunRecord runCell(StudyFile s, Path dir, StudyCell cell, ResolvedRun run, Dataset data, double loadSeconds,
            RunIdentity identity, EventSink events, BooleanSupplier cancelled) {
        Path cellDir = cell.dir(dir);
        try (RunResult result = runner.run(run, data, loadSeconds, new RunOptions(cellDir, dir.resolve("cache"), events, cancelled, s.plots, s.tsne))) {
            return result.record();
        } catch (TrainingDivergedException e) {
            events.info("study: cell " + cell.id() + " failed: " + e.getMessage());
            writeFailure(cellDir, e.getMessage(), identity);
            return null;
        }
    }

    /**
     * The markdown report of a study none of whose cells has run ({@code --report} before its first run):
     * the empty tables with the published figures and the other studies' {@code beside} rows, so a
     * study file's report can be checked before hours of training. Nothing is read from or written to
     * a study directory.
     */
    public String preview(StudyPlan plan) {
        return StudyReport.markdown(plan.study(), plan.cells(), Map.of(), Map.of());
    }

    /**
     * The report of what ran so far, for {@code dclust study --report}: every cell in {@code dir} that
     * finished (or failed) with the identity it has now, nothing trained and nothing deleted; the
     * events say which cells changed since they ran and are left out.
     *
     * @return the finished and failed cells (grid order)
     */
    public StudyProgress collect(StudyPlan plan, Path dir, EventSink events) {
        Map<StudyCell, RunRecord> done = new LinkedHashMap<>();
        Map<StudyCell, String> failed = new LinkedHashMap<>();
        for (StudyCell cell : plan.cells()) {
            Ended ended = Ended.read(cell.dir(dir));
            if (ended == null) {
                continue;
            }
            List<String> changes = IdentityChanges.between(ended.identity(), plan.identities().get(cell));
            if (changes.isEmpty()) {
                ended.into(cell, done, failed);
            } else {
                events.info("study: cell " + cell.id() + " changed since it ran (" + String.join("; ", changes) + "): left out of the report");
            }
        }
        return new StudyProgress(done, failed);
    }

    /**
     * Writes the study's results.json, results.csv, results.md and chart for {@code progress}.
     *
     * @return the finished cells' records (grid order) and the failed cells
     */
    public StudyOutcome finish(StudyPlan plan, Path dir, StudyProgress progress) {
        List<StudyCell> cells = plan.cells();
        StudyReport.write(plan.study(), dir, cells, progress.done(), progress.failed());
        List<RunRecord> out = new ArrayList<>();
        for (StudyCell c : cells) {
            if (progress.done().containsKey(c)) {
                out.add(progress.done().get(c));
            }
        }
        return new StudyOutcome(out, progress.failed());
    }

    /**
     * Whether the cell's earlier run counts: a finished or failed run with the identity the cell has
     * now. A changed cell's directory is deleted (its checkpoints belong to another configuration) and
     * the events say what changed; an unfinished cell that started with the same identity (its
     * identity.json; config.yaml for a cell started by an earlier dclust) is left to resume.
     */
    private boolean reuse(StudyCell cell, Path cellDir, StudyPlan plan, Map<StudyCell, RunRecord> done,
            Map<StudyCell, String> failed, EventSink events) {
        RunIdentity identity = plan.identities().get(cell);
        Ended ended = Ended.read(cellDir);
        List<String> changes;
        if (ended != null) {
            changes = IdentityChanges.between(ended.identity(), identity);
            if (changes.isEmpty()) {
                ended.into(cell, done, failed);
                if (ended.failure() != null) {
                    events.info("study: cell " + cell.id() + " failed before with this configuration; not run again (delete "
                            + cellDir + " to retry)");
                }
                return true;
            }
        } else if (Files.isRegularFile(cellDir.resolve(PipelineRunner.STARTED))) {
            changes = IdentityChanges.between(PipelineRunner.startedIdentity(cellDir), identity);
        } else if (Files.isRegularFile(cellDir.resolve("config.yaml"))) {
            String now = ConfigFiles.toYaml(plan.runs().get(cell).config());
            changes = now.equals(readText(cellDir.resolve("config.yaml"))) ? List.of() : List.of("its configuration (config.yaml)");
        } else {
            changes = List.of();
        }
        if (!changes.isEmpty()) {
            events.info("study: cell " + cell.id() + " changed since it ran (" + String.join("; ", changes)
                    + "): its old run is deleted and it runs again");
            try {
                Atomic.deleteTree(cellDir);
            } catch (IOException e) {
                throw new DclustException("cannot delete the changed cell " + cellDir + " (" + e.getMessage() + "); delete it yourself", e);
            }
        }
        return false;
    }

    /** How a cell ended before: its result, or its recorded failure (exactly one is set). */
    private record Ended(RunRecord result, CellFailure failure) {
        /** What {@code cellDir} holds of an ended run, or null when it holds neither a result.json nor a failed.json. */
        static Ended read(Path cellDir) {
            RunRecord result = Files.isRegularFile(cellDir.resolve("result.json")) ? readRecord(cellDir.resolve("result.json")) : null;
            CellFailure failure = result == null ? CellFailure.read(cellDir.resolve(FAILED)) : null;
            return result == null && failure == null ? null : new Ended(result, failure);
        }

        RunIdentity identity() {
            return result != null ? result.identity() : failure.identity();
        }

        /** Puts the cell into {@code done} or {@code failed}. */
        void into(StudyCell cell, Map<StudyCell, RunRecord> done, Map<StudyCell, String> failed) {
            if (result != null) {
                done.put(cell, result);
            } else {
                failed.put(cell, failure.error());
            }
        }
    }

    private static void writeFailure(Path cellDir, String error, RunIdentity identity) {
        new CellFailure(error, identity).write(cellDir.resolve(FAILED));
    }

    /** A cell's result.json; an unreadable one (or one of another format) is a user error naming what to delete. */
    private static RunRecord readRecord(Path f) {
        try {
            return RunRecord.read(f);
        } catch (DclustException e) {
            throw new DclustException(e.getMessage() + "; delete that cell's directory to run it again");
        }
    }

    private static String minutes(double seconds) {
        return seconds < 90 ? String.format(Locale.ROOT, "%.0f s", seconds) : String.format(Locale.ROOT, "%.0f min", seconds / 60);
    }

    private static String readText(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new DclustException(f + " is unreadable (" + e.getMessage() + "); delete that cell's directory to run it again");
        }
    }
}
