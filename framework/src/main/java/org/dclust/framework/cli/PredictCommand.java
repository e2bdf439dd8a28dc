package org.dclust.framework.cli;

import com.google.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.spi.DatasetProvider;
import org.dclust.api.toolkit.Atomic;
import org.dclust.framework.registry.PluginRegistry;
import org.dclust.framework.run.Evaluation;
import org.dclust.framework.run.OutputPaths;
import org.dclust.framework.run.PredictJob;
import org.dclust.framework.run.Predictions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dclust predict}: loads a saved model and writes one cluster id per sample of a data set as
 * CSV ({@code --proba}: with probabilities, {@code --embed}: with latent codes), plus metrics when the
 * data set has labels. The model's fitted preprocessing is applied to the new data. An {@code --out}
 * that cannot be written (a directory, or in a directory that cannot be written) is a user error found
 * before the model and the data are read. With {@code --shards} it predicts every shard (one file each)
 * into a directory, one CSV per shard, in this process or with {@code --engine spark} on Apache Spark.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "Assign clusters to a data set with a saved model.")
public final class PredictCommand implements Callable<Integer> {
    private final PluginRegistry registry;
    private final Evaluation evaluation;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOnData input;
    @Option(names = "--out", description = "CSV file to write (default predictions.csv); with --shards a new or empty directory "
            + "(default predictions), one CSV per shard")
    Path out;
    @Option(names = "--shards", description = "batch prediction: the input files, as a directory (its files) or a pattern such as "
            + "'data/part-*.npy', each read as the data set with its path set to the file (features: CSV, .npy, .npz)")
    String shards;
    @Option(names = "--engine", description = "where --shards are predicted: local (this process) or spark (./dclust adds it) "
            + "(default ${DEFAULT-VALUE})", defaultValue = EngineExtension.LOCAL)
    String engine;
    @Option(names = "--master", description = "the engine's master URL (spark: local[N], spark://HOST:PORT, yarn, k8s://...)")
    String master;
    @Option(names = "--proba", description = "add the probability of each cluster")
    boolean proba;
    @Option(names = "--embed", description = "add the latent code")
    boolean embed;

    @Inject
    public PredictCommand(PluginRegistry registry, Evaluation evaluation) {
        this.registry = registry;
        this.evaluation = evaluation;
    }

    @Override
    public Integer call() throws IOException {
        EngineExtension distributed = EngineExtension.find(engine, master);
        if (shards != null) {
            return batch(distributed);
        }
        if (distributed != null) {
            throw new DclustException("--engine " + engine + " predicts shards: give --shards (a directory or a pattern such as "
                    + "'data/part-*.npy') and --out DIR");
        }
        Path file = out != null ? out : Path.of("predictions.csv");
        OutputPaths.file("--out", file, "predictions.csv");
        Dataset data = Predictions.load(registry, input.dataset, settings(), Map.of());
        PrintWriter o = spec.commandLine().getOut();
        try (ClusterModel m = input.loadModel()) {
            Predictions.Table t = Predictions.of(m, data, proba, embed);
            t.write(file);
            o.printf(Locale.ROOT, "%d samples of %s assigned to %d clusters: %s%n", t.clusters().length, data.name(), m.clusters(), file);
            if (data.hasLabels()) {
                evaluation.metrics(data.labels(), t.clusters()).forEach((k, v) -> o.printf(Locale.ROOT, "%-10s %.4f%n", k, v));
            }
        }
        o.flush();
        return 0;
    }

    /** {@code --shards}: one CSV per shard in the {@code --out} directory, in this process or on the engine. */
    private int batch(EngineExtension distributed) throws IOException {
        Path dir = out != null ? out : Path.of("predictions");
        OutputPaths.directory("--out", dir, "choose another");
        refuseEarlierPredictions(dir);
        OutputPaths.requireEmpty("--out", dir, "no predictions");
        DatasetProvider dp = registry.get(DatasetProvider.class, input.dataset);
        if (dp.parameters().stream().noneMatch(p -> p.name().equals(Predictions.SHARD_PARAMETER))) {
            throw new DclustException("--shards: data set " + dp.name() + " is not read from one file (it has no "
                    + Predictions.SHARD_PARAMETER + " parameter); use --dataset features for CSV, .npy or .npz shards");
        }
        Map<String, String> settings = settings();
        if (settings.containsKey(Predictions.SHARD_PARAMETER)) {
            throw new DclustException("--set " + dp.name() + "." + Predictions.SHARD_PARAMETER + " and --shards both name the input: "
                    + "give the files with --shards only");
        }
        PredictJob job = new PredictJob(input.model.toAbsolutePath(), dp.name(), settings, ShardFiles.resolve(shards), dir.toAbsolutePath(),
                proba, embed, input.device);
        boolean created = !Files.isDirectory(dir);
        Files.createDirectories(dir);
        PrintWriter o = spec.commandLine().getOut();
        try {
            if (distributed != null) {
                distributed.predict(job, master, o);
            } else {
                long samples = 0;
                try (ClusterModel m = input.loadModel()) {
                    for (int i = 0; i < job.shards().size(); i++) {
                        samples += Predictions.shard(registry, m, job, i);
                    }
                }
                o.println(PredictJob.summary(job, samples));
            }
        } catch (RuntimeException | IOException e) {
            // nothing half-written: the directory was empty or new, so everything in it is this command's
            removeOutputs(dir, created);
            throw e;
        }
        o.flush();
        return 0;
    }

    /** A directory that holds only CSV files is most likely an earlier batch prediction's output: say so. */
    private static void refuseEarlierPredictions(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> all = entries.toList();
            if (!all.isEmpty() && all.stream().allMatch(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".csv"))) {
                throw new DclustException("--out " + dir + " already holds " + all.size() + " CSV file" + (all.size() == 1 ? "" : "s")
                        + " (the predictions of an earlier run?): choose a new or empty directory, or delete them first");
            }
        }
    }

    /** Deletes what a failed batch prediction wrote into {@code dir} (and {@code dir} itself when it made it). */
    private static void removeOutputs(Path dir, boolean created) {
        try {
            if (created) {
                Atomic.deleteTree(dir);
            } else {
                try (Stream<Path> entries = Files.list(dir)) {
                    for (Path p : entries.toList()) {
                        Atomic.deleteTree(p);
                    }
                }
            }
        } catch (IOException e) {
            // the error that stopped the prediction is the one to report
        }
    }

    private Map<String, String> settings() {
        return input.settings(registry, "predict");
    }
}
