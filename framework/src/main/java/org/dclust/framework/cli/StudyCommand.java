package org.dclust.framework.cli;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dclust.framework.study.StudyFile;
import org.dclust.framework.study.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dclust study FILE.yaml}: runs a grid of data sets × learners × refiners × seeds. Started again
 * on the same output directory it skips finished runs and resumes the unfinished one.
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

    @Inject
    public StudyCommand(StudyRunner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() throws Exception {
        StudyFile s = StudyFile.read(file);
        Path dir = out != null ? out : Path.of("runs", "study-" + s.name);
        Files.createDirectories(dir);
        Files.copy(file, dir.resolve("study.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ConsoleProgress progress = new ConsoleProgress(System.err, System.console() != null, epochLines);
        runner.run(s, dir, progress, () -> false);
        PrintWriter o = spec.commandLine().getOut();
        o.println(Files.readString(dir.resolve("results.md")));
        o.println("results: " + dir.resolve("results.json") + ", " + dir.resolve("results.csv") + ", " + dir.resolve("results.md"));
        o.flush();
        return 0;
    }
}
