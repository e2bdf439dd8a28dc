package org.dclust.framework.cli;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dclust.framework.metrics.LabelFiles;
import org.dclust.framework.run.Evaluation;
import org.dclust.framework.run.PipelineRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dclust evaluate}: every clustering metric for two label files, as a table or JSON. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "Score predicted cluster ids against true labels (two label files).")
public final class EvaluateCommand implements Callable<Integer> {
    private final Evaluation evaluation;

    @Spec
    CommandSpec spec;

    @Option(names = "--truth", required = true, description = "true labels: one integer per line, or CSV with a header")
    Path truth;
    @Option(names = "--pred", required = true, description = "predicted cluster ids, same format (e.g. a run's assignments.csv); "
            + "rows are paired with the truth by an index column when either file has one, else by order")
    Path pred;
    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Inject
    public EvaluateCommand(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public Integer call() throws Exception {
        LabelFiles.Aligned labels = LabelFiles.aligned(truth, pred);
        Map<String, Double> m = evaluation.metrics(labels.truth(), labels.predicted());
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(PipelineRunner.json().writeValueAsString(m));
        } else {
            o.println("| metric | value |");
            o.println("|---|---|");
            m.forEach((k, v) -> o.printf(Locale.ROOT, "| %s | %.4f |%n", k, v));
        }
        o.flush();
        return 0;
    }
}
