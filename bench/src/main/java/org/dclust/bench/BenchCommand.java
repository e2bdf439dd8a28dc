package org.dclust.bench;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dclust.api.DclustException;
import org.dclust.framework.cli.Main;
import org.dclust.framework.cli.SetOptions;
import org.dclust.framework.run.OutputPaths;


import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dclust bench}: each phase's epoch as dclust runs it against the same arithmetic in a bare DJL
 * loop, interleaved, with the ratio of medians; writes bench.json, bench.csv and bench.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Time each phase's epoch as dclust runs it against a bare DJL loop of the same arithmetic (interleaved; ratio of medians).")
public final class BenchCommand implements Callable<Integer> {
    private final Bench bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", description = "data set plugin (default ${DEFAULT-VALUE})", defaultValue = "fashion-mnist-small")
    String dataset;
    @Option(names = "--set", description = "a data set parameter, param=value or dataset.param=value; repeatable")
    List<String> set = new ArrayList<>();
    @Option(names = "--phases", split = ",", description = "phases to time (default: all of ${DEFAULT-VALUE})",
            defaultValue = "pretrain,acai,dcss,dcss-agg,dec,idec,dcn,dkm,mnet,proximity,moco,secu")
    List<String> phases;
    @Option(names = "--rounds", description = "interleaved epochs of each kind per phase (default ${DEFAULT-VALUE})", defaultValue = "5")
    int rounds;
    @Option(names = "--warmup", description = "interleaved epochs of each kind run first and not counted: dclust's first epoch pays "
            + "the process's warm-up (JIT, first allocations) (default ${DEFAULT-VALUE})", defaultValue = "1")
    int warmUp;
    @Option(names = "--clusters", description = "K (default: the data set's number of classes)")
    Integer clusters;
    @Option(names = "--seed", description = "random seed (default ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;
    @Option(names = "--load", description = "busy threads that load the machine meanwhile, as another process would "
            + "(the contended mode; default ${DEFAULT-VALUE})", defaultValue = "0")
    int load;
    @Option(names = "--update-costs", description = "instead of the phases: where a pretraining step's time goes, the mlp "
            + "autoencoder's step at batch 256 timed with Adam, SGD, one element-wise pass and no update, in turns (--rounds rounds of 100 "
            + "steps); prints a table, writes nothing")
    boolean updateCosts;
    @Option(names = "--out", description = "output directory (default: a new directory under runs/)")
    Path out;

    @Inject
    public BenchCommand(Bench bench) {
        this.bench = bench;
    }

    @Override
    public Integer call() throws Exception {
        if (updateCosts) {
            if (rounds < 1) {
                throw new DclustException("--rounds must be at least 1, not " + rounds);
            }
            for (String other : List.of("--dataset", "--set", "--phases", "--warmup", "--clusters", "--seed", "--load", "--out")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(other)) {
                    throw new DclustException("--update-costs times the pretraining step on random data of Fashion-MNIST's width and takes only "
                            + "--rounds; drop " + other);
                }
            }
            PrintWriter o = spec.commandLine().getOut();
            MatmulThroughput engine = MatmulThroughput.measure(Bench.threadCount(), 5);
            o.println("libtorch threads: " + Bench.threads());
            o.print(engine.markdown());
            o.print(PretrainStepParts.table(rounds, 100, engine));
            o.flush();
            return 0;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        SetOptions.parse(set).forEach((key, value) -> {
            int dot = key.indexOf('.');
            String owner = dot < 0 ? dataset : key.substring(0, dot);
            if (!owner.equals(dataset) && !owner.equals("dataset")) {
                throw new DclustException("--set " + key + ": bench takes data set parameters only (" + dataset + ".param=value)");
            }
            String param = dot < 0 ? key : key.substring(dot + 1);
            if (params.put(param, value) != null) {
                throw new DclustException("--set " + key + ": the data set's " + param + " is set twice; give it once");
            }
        });
        Bench.Settings settings = new Bench.Settings(dataset, params, phases, rounds, warmUp, seed, clusters, load);
        Path dir = out != null ? out : newDir();
        if (Files.exists(dir.resolve("bench.json"))) {
            throw new DclustException(dir + " already holds a benchmark; choose another --out");
        }
        OutputPaths.directory(out != null ? "--out" : "the benchmark directory", dir, "choose another with --out");
        OutputPaths.requireEmpty("--out", dir, "no benchmark");
        PrintWriter err = spec.commandLine().getErr();
        BenchResult result = bench.run(settings, dir.resolve("scratch"), line -> {
            err.println(line);
            err.flush();
        });
        result.write(dir);
        PrintWriter o = spec.commandLine().getOut();
        o.println();
        o.print(result.markdown());
        o.println("results: " + Arrays.asList(dir.resolve("bench.json"), dir.resolve("bench.csv"), dir.resolve("bench.md")));
        o.flush();
        return 0;
    }

    private static Path newDir() {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path dir = Path.of("runs", "bench-" + stamp);
        for (int i = 2; Files.exists(dir); i++) {
            dir = Path.of("runs", "bench-" + stamp + "-" + i);
        }
        return dir;
    }
}
