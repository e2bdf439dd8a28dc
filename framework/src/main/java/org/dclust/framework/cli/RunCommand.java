package org.dclust.framework.cli;

import com.google.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dclust.api.DclustException;
import org.dclust.api.toolkit.Atomic;
import org.dclust.api.train.TrainingDivergedException;
import org.dclust.framework.config.ClusterCount;
import org.dclust.framework.config.ConfigFiles;
import org.dclust.framework.Dclust;
import org.dclust.framework.config.RunConfig;
import org.dclust.framework.registry.PluginRegistry;
import org.dclust.framework.run.OutputPaths;
import org.dclust.framework.run.RunOptions;
import org.dclust.framework.run.RunResult;
import org.dclust.framework.run.RunSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dclust run}: one pipeline (data set → learner → refiner → metrics), run through the library
 * facade {@link Dclust} so the command line and library users share one path. Writes config.yaml,
 * checkpoints, model/, assignments.csv and result.json into its output directory, and prints a
 * metrics table. Its options, the configuration, the output and cache directories and the data are all
 * checked before anything is written; a training that diverges ends with exit code
 * {@link #TRAINING_FAILED}. Interrupted (Ctrl-C), it prints the command that continues it
 * ({@link Interruption}).
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "Run one pipeline and write its model and results.")
public final class RunCommand implements Callable<Integer> {
    /**
     * Exit code of a run (or study) whose training diverged: its loss or parameters became NaN or
     * infinite, so nothing was saved as a result (user errors exit with {@link Main#USER_ERROR}).
     */
    public static final int TRAINING_FAILED = 3;

    private final PluginRegistry registry;

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", description = "data set plugin (default: ${DEFAULT-VALUE} when no config says otherwise)")
    String dataset;
    @Option(names = "--learner", description = "phase-1 learner plugin")
    String learner;
    @Option(names = "--refiner", description = "phase-2 refiner plugin")
    String refiner;
    @Option(names = "--backbone", description = "backbone plugin (default: the learner's, mlp for the autoencoder learners)")
    String backbone;
    @Option(names = "--clusters", description = "K (default: the data set's number of classes), or auto / auto:MIN..MAX: K estimated"
            + " without labels on the pretrained codes (auto: 2..20)")
    String clusters;
    @Option(names = "--select-epoch", description = "the epoch each clustering phase keeps: final (default), silhouette,"
            + " calinski-harabasz, davies-bouldin (best internal index, no labels), or max:VALUE / min:VALUE of a reported value"
            + " (max:participation for mnet)")
    String selectEpoch;
    @Option(names = "--preset", description = "parameter preset: quick, default or paper")
    String preset;
    @Option(names = "--preprocessing", description = "none, minmax or standardize (fitted on the data, saved with the model)")
    String preprocessing;
    @Option(names = "--set", description = "plugin.param=value (plugin: a name or dataset, backbone, learner, refiner); repeatable")
    List<String> sets = new ArrayList<>();
    @Option(names = "--config", description = "a YAML file with the same options")
    Path config;
    @Option(names = "--seed", description = "random seed (default 1)")
    Long seed;
    @Option(names = "--device", description = "auto, cpu or gpu (default auto)")
    String device;
    @Option(names = "--out", description = "output directory (default: a new directory under runs/)")
    Path out;
    @Option(names = "--resume", description = "continue the interrupted run in this directory from its last checkpoint")
    Path resume;
    @Option(names = "--cache", description = "cache directory of shared pretraining (default $DCLUST_CACHE or ~/.cache/dclust)")
    Path cache;
    @Option(names = "--no-cache", description = "do not read or write the pretraining cache")
    boolean noCache;
    @Option(names = "--no-tsne", description = "skip the t-SNE maps of the u and q spaces (the other plots are still drawn)")
    boolean noTsne;
    @Option(names = "--epoch-lines", description = "print every n-th epoch line (default ${DEFAULT-VALUE})", defaultValue = "1")
    int epochLines;
    @Option(names = "--checkpoint-every", description = "least seconds between two checkpoints of a phase; 0: after every epoch (default ${DEFAULT-VALUE}); a phase's last epoch is always checkpointed",
            defaultValue = "30")
    double checkpointSeconds;

    @Inject
    public RunCommand(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        RunConfig c;
        Path outDir;
        if (resume != null) {
            if (dataset != null || learner != null || refiner != null || backbone != null || clusters != null || selectEpoch != null
                    || preset != null
                    || preprocessing != null || !sets.isEmpty() || config != null || seed != null || out != null) {
                throw new DclustException("--resume continues the run with the configuration saved in " + resume
                        + "/config.yaml; give no other pipeline options with it");
            }
            checkRunDirectory(resume);
            c = ConfigFiles.read(resume.resolve("config.yaml"));
            if (device != null) {
                c.device = device;
            }
            outDir = resume;
        } else {
            c = config != null ? ConfigFiles.read(config) : new RunConfig();
            apply(c);
            outDir = null;
        }
        Dclust pipeline = Dclust.fromConfig(c).registry(registry);
        pipeline.resolve();
        if (outDir == null) {
            outDir = out != null ? checkFresh(out) : newRunDir(c);
        }
        RunSettings settings = settings(resume == null ? null : RunSettings.read(resume));
        OutputPaths.directory(resume != null ? "--resume" : out != null ? "--out" : "the run directory", outDir,
                resume != null ? "make it writable" : "choose another with --out");
        if (settings.cacheDir() != null) {
            OutputPaths.directory(cacheName(resume != null), settings.cacheDir(), "choose another with --cache DIR, or give --no-cache");
        }
        PrintWriter o = spec.commandLine().getOut();
        ConsoleProgress progress = new ConsoleProgress(System.err, System.console() != null, epochLines);
        progress.header("run directory: " + outDir);
        boolean existed = Files.isDirectory(outDir);
        Path dir = outDir;
        try (Interruption interruption = Interruption.during(System.err, System.console() != null, () -> Interruption.runLine(dir));
                RunResult result = pipeline.outputDirectory(outDir).cacheDirectory(settings.cacheDir()).listener(progress)
                        .plots(true, settings.tsne()).checkpointEvery(settings.checkpointEvery()).fit()) {
            ResultTable.print(o, result.record());
            o.println("results: " + outDir.resolve("result.json"));
            o.println("model:   " + outDir.resolve("model"));
        } catch (TrainingDivergedException e) {
            return diverged(e, outDir, existed);
        }
        o.flush();
        return 0;
    }

    /**
     * Reports a diverged training. What a new run wrote holds nothing worth keeping (its checkpoints
     * lead to the same divergence), so it is deleted (the directory itself too unless it existed,
     * empty, before) and the same --out can be used again with other settings; a resumed run's
     * directory is left as it was.
     */
    private int diverged(TrainingDivergedException e, Path outDir, boolean existed) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("error: " + e.getMessage());
        if (resume == null) {
            try {
                Atomic.deleteTree(outDir);
                if (existed) {
                    Files.createDirectories(outDir);
                }
            } catch (IOException io) {
                err.println("(could not delete the run directory " + outDir + ": " + io.getMessage() + ")");
            }
        }
        err.flush();
        return TRAINING_FAILED;
    }

    /** The options that need no file or plugin: user errors before anything else. */
    private void checkOptions() {
        if (epochLines < 1) {
            throw new DclustException("--epoch-lines " + epochLines + " is not valid: give 1 or more (1 prints every epoch line, "
                    + "n every n-th; the first and last are always printed)");
        }
        if (!(checkpointSeconds >= 0) || Double.isInfinite(checkpointSeconds)) {
            throw new DclustException("--checkpoint-every " + checkpointSeconds + " is not valid: give 0 or more seconds");
        }
    }

    /** How the cache being checked was chosen, for its error message. */
    private String cacheName(boolean resuming) {
        var parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--cache")) {
            return "--cache";
        }
        if (resuming) {
            return "the pretraining cache of this run";
        }
        String env = System.getenv("DCLUST_CACHE");
        return env != null && !env.isBlank() ? "$DCLUST_CACHE" : "the default pretraining cache";
    }

    /** A directory to resume must hold a run: the config.yaml every run writes first. */
    static void checkRunDirectory(Path dir) {
        if (!Files.exists(dir)) {
            throw new DclustException("--resume " + dir + " does not exist: give the directory of an interrupted run");
        }
        if (!Files.isDirectory(dir)) {
            throw new DclustException("--resume " + dir + " is a file: give the directory of an interrupted run");
        }
        if (!Files.isRegularFile(dir.resolve("config.yaml"))) {
            throw new DclustException("--resume " + dir + " is not a run directory (it has no config.yaml, which every run writes "
                    + "before training): give the directory of an interrupted run, or start a new run with --out");
        }
        if (Files.isRegularFile(dir.resolve("result.json"))) {
            throw new DclustException("the run in " + dir + " has already finished: its results are in " + dir.resolve("result.json"));
        }
    }

    /** The cache, t-SNE and checkpoint settings: the options given, else those saved by the run resumed, else the defaults. */
    private RunSettings settings(RunSettings saved) {
        var parsed = spec.commandLine().getParseResult();
        boolean cacheGiven = parsed.hasMatchedOption("--cache") || parsed.hasMatchedOption("--no-cache");
        String cacheDir = noCache ? null : (cache != null ? cache : RunOptions.defaultCacheDir()).toAbsolutePath().toString();
        if (saved == null) {
            return new RunSettings(cacheDir, !noTsne, checkpointSeconds);
        }
        return new RunSettings(cacheGiven ? cacheDir : saved.cache(),
                parsed.hasMatchedOption("--no-tsne") ? false : saved.tsne(),
                parsed.hasMatchedOption("--checkpoint-every") ? checkpointSeconds : saved.checkpointEvery());
    }

    private void apply(RunConfig c) {
        if (dataset != null) {
            c.dataset = dataset;
        }
        if (learner != null) {
            c.learner = learner;
        }
        if (refiner != null) {
            c.refiner = refiner;
        }
        if (backbone != null) {
            c.backbone = backbone;
        }
        if (clusters != null) {
            try {
                c.clusters = ClusterCount.parse(clusters);
            } catch (IllegalArgumentException e) {
                c.readProblems.add("--clusters " + clusters + " is not valid: expected " + ClusterCount.EXPECTED);
            }
        }
        if (selectEpoch != null) {
            c.selectEpoch = selectEpoch;
        }
        if (preset != null) {
            c.preset = preset;
        }
        if (preprocessing != null) {
            c.preprocessing = preprocessing;
        }
        if (seed != null) {
            c.seed = seed;
        }
        if (device != null) {
            c.device = device;
        }
        c.set.putAll(SetOptions.parse(sets));
    }

    /**
     * A new run's --out: a new or empty directory. One that holds a run is refused (finished) or pointed
     * to --resume (unfinished); one that holds other files is refused, so a run never mixes its files
     * with a user's.
     */
    static Path checkFresh(Path dir) {
        if (Files.isRegularFile(dir.resolve("result.json"))) {
            throw new DclustException(dir + " already holds a finished run; choose another --out");
        }
        if (Files.exists(dir.resolve("config.yaml"))) {
            throw new DclustException(dir + " holds an unfinished run: continue it with --resume " + dir + ", or choose another --out");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new DclustException("--out " + dir + " is a file, not a directory: choose another --out");
        }
        OutputPaths.requireEmpty("--out", dir, "no dclust run");
        return dir;
    }

    private static Path newRunDir(RunConfig c) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        String base = stamp + "-" + c.dataset + "-" + c.learner + "+" + c.refiner + "-seed" + c.seed;
        Path dir = Path.of("runs", base.replaceAll("[^A-Za-z0-9+._-]", "_"));
        for (int i = 2; Files.exists(dir); i++) {
            dir = Path.of("runs", base + "-" + i);
        }
        return dir;
    }
}
