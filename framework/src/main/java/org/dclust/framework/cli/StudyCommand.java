package org.dclust.framework.cli;

import com.google.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dclust.api.DclustException;
import org.dclust.framework.run.OutputPaths;
import org.dclust.framework.study.StudyCell;
import org.dclust.framework.study.StudyFile;
import org.dclust.framework.study.StudyOutcome;
import org.dclust.framework.study.StudyPlan;
import org.dclust.framework.study.StudyProgress;
import org.dclust.framework.study.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dclust study FILE.yaml}: runs a grid of data sets × learners × refiners × seeds. Started again
 * on the same output directory it keeps finished runs whose configuration is unchanged, runs changed
 * ones again and resumes the unfinished one. The study file, the output directory, every data set and
 * K are checked before anything is written. Exits with {@link RunCommand#TRAINING_FAILED} when a
 * cell's training diverged (the other cells still run). With {@code --engine spark} the cells run on
 * Apache Spark ({@link EngineExtension}), with the same checks before and the same results after.
 * Interrupted (Ctrl-C), it prints the command that continues it ({@link Interruption}).
 */
@Command(name = "study", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "Run a study grid (resumable) and write results.json, results.csv and results.md.")
public final class StudyCommand implements Callable<Integer> {
    private final StudyRunner runner;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "the study file (YAML)")
    Path file;
    @Option(names = "--out", description = "output directory (default runs/study-NAME); an existing one is resumed")
    Path out;
    @Option(names = "--epoch-lines", description = "print every n-th epoch line (default ${DEFAULT-VALUE})", defaultValue = "10")
    int epochLines;
    @Option(names = "--engine", description = "where the cells run: local (this process, one cell after another) or spark "
            + "(./dclust adds it; see the README) (default ${DEFAULT-VALUE})", defaultValue = EngineExtension.LOCAL)
    String engine;
    @Option(names = "--report", description = "write results.json, results.csv and results.md from the cells that already finished "
            + "in --out, and train nothing (a study that is still running, or was stopped)")
    boolean report;
    @Option(names = "--master", description = "the engine's master URL: for spark local[N], spark://HOST:PORT, yarn or k8s://...; "
            + "default: the one spark-submit gives")
    String master;

    @Inject
    public StudyCommand(StudyRunner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() throws Exception {
        if (epochLines < 1) {
            throw new DclustException("--epoch-lines " + epochLines + " is not valid: give 1 or more (n prints every n-th epoch line)");
        }
        EngineExtension distributed = EngineExtension.find(engine, master);
        if (distributed != null && out != null && out.toString().matches("[A-Za-z][A-Za-z0-9+.-]*:/.*")) {
            throw new DclustException("--out " + out + ": give the study directory as a path that every executor sees (a shared "
                    + "mount: NFS, or HDFS or S3 mounted with FUSE); dclust writes through the file system, not to URLs");
        }
        StudyFile s = StudyFile.read(file);
        Path dir = out != null ? out : Path.of("runs", "study-" + s.name);
        if (report) {
            return report(s, dir);
        }
        checkDirectory(dir, out != null ? "--out" : "the study directory");
        StudyPlan plan = runner.plan(s);
        Files.createDirectories(dir);
        Files.copy(file, dir.resolve("study.yaml"), StandardCopyOption.REPLACE_EXISTING);
        ConsoleProgress progress = new ConsoleProgress(System.err, System.console() != null, epochLines);
        StudyOutcome outcome;
        try (Interruption interruption = Interruption.during(System.err, System.console() != null,
                () -> Interruption.studyLine(file, dir, engineOptions()))) {
            outcome = distributed == null ? runner.run(plan, dir, progress, () -> false) : distributed.study(runner, plan, dir, progress, master);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println(Files.readString(dir.resolve("results.md")));
        o.println("results: " + dir.resolve("results.json") + ", " + dir.resolve("results.csv") + ", " + dir.resolve("results.md"));
        o.flush();
        if (!outcome.failed().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: " + outcome.failed().size() + " of " + plan.cells().size() + " cells failed (their training diverged; "
                    + "the others ran):");
            for (Map.Entry<StudyCell, String> f : outcome.failed().entrySet()) {
                err.println("  " + f.getKey().id() + ": " + f.getValue());
            }
            err.flush();
            return RunCommand.TRAINING_FAILED;
        }
        return 0;
    }

    /**
     * {@code --report}: the results of the cells that finished in {@code dir}, nothing trained, deleted or
     * resumed; where {@code dir} does not exist yet, the study file's report with no cell finished
     * ({@link StudyRunner#preview}), nothing written.
     */
    private int report(StudyFile s, Path dir) throws IOException {
        if (distributed() || master != null) {
            throw new DclustException("--report trains nothing: leave out --engine and --master");
        }
        String what = out != null ? "--out " + dir : "the study directory " + dir;
        if (!Files.exists(dir)) {
            String preview = runner.preview(runner.plan(s));
            PrintWriter o = spec.commandLine().getOut();
            o.println("nothing has run in " + dir + " yet (no such directory): the report of " + file + " with no cell finished; "
                    + "nothing was written\n");
            o.println(preview);
            o.flush();
            return 0;
        }
        if (!Files.isRegularFile(dir.resolve("study.yaml"))) {
            throw new DclustException(what + " holds no study (no study.yaml): give the directory the study ran in with --out");
        }
        StudyPlan plan = runner.plan(s);
        StudyProgress progress = runner.collect(plan, dir, new ConsoleProgress(System.err, false, epochLines));
        runner.finish(plan, dir, progress);
        PrintWriter o = spec.commandLine().getOut();
        o.println(Files.readString(dir.resolve("results.md")));
        o.println("results: " + dir.resolve("results.json") + ", " + dir.resolve("results.csv") + ", " + dir.resolve("results.md"));
        o.flush();
        return 0;
    }

    private boolean distributed() {
        return !EngineExtension.LOCAL.equals(engine);
    }

    /** The options that chose where the cells run, as given (none for this process). */
    private List<String> engineOptions() {
        List<String> out = new ArrayList<>();
        if (!EngineExtension.LOCAL.equals(engine)) {
            out.addAll(List.of("--engine", engine));
        }
        if (master != null) {
            out.addAll(List.of("--master", master));
        }
        return out;
    }

    /** A study directory: writable, and new, empty or a study's own (it holds study.yaml). */
    private static void checkDirectory(Path dir, String what) {
        OutputPaths.directory(what, dir, "choose another with --out");
        if (!Files.exists(dir.resolve("study.yaml"))) {
            OutputPaths.requireEmpty(what, dir, "no study");
        }
    }
}
