package org.dclust.framework.cli;

import com.google.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.param.Params;
import org.dclust.api.spi.DatasetProvider;
import org.dclust.api.toolkit.Atomic;
import org.dclust.framework.registry.PluginRegistry;
import org.dclust.framework.run.DeviceChoice;
import org.dclust.framework.run.Evaluation;
import org.dclust.framework.run.OutputPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dclust predict}: loads a saved model and writes one cluster id per sample of a data set as
 * CSV ({@code --proba}: with probabilities, {@code --embed}: with latent codes), plus metrics when the
 * data set has labels. The model's fitted preprocessing is applied to the new data. An {@code --out}
 * that cannot be written (a directory, or in a directory that cannot be written) is a user error found
 * before the model and the data are read.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "Assign clusters to a data set with a saved model.")
public final class PredictCommand implements Callable<Integer> {
    private final PluginRegistry registry;
    private final Evaluation evaluation;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "a saved model directory (a run's model/)")
    Path model;
    @Option(names = "--dataset", required = true, description = "data set plugin")
    String dataset;
    @Option(names = "--set", description = "dataset.param=value for the data set; repeatable")
    List<String> sets = new ArrayList<>();
    @Option(names = "--out", description = "CSV file to write (default ${DEFAULT-VALUE})", defaultValue = "predictions.csv")
    Path out;
    @Option(names = "--proba", description = "add the probability of each cluster")
    boolean proba;
    @Option(names = "--embed", description = "add the latent code")
    boolean embed;
    @Option(names = "--device", description = "auto, cpu or gpu (default ${DEFAULT-VALUE})", defaultValue = "auto")
    String device;

    @Inject
    public PredictCommand(PluginRegistry registry, Evaluation evaluation) {
        this.registry = registry;
        this.evaluation = evaluation;
    }

    @Override
    public Integer call() throws IOException {
        OutputPaths.file("--out", out, "predictions.csv");
        DatasetProvider dp = registry.get(DatasetProvider.class, dataset);
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> spelled = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : SetOptions.parse(sets).entrySet()) {
            String key = e.getKey();
            int dot = key.lastIndexOf('.');
            String prefix = dot < 0 ? "" : key.substring(0, dot);
            if (!prefix.equals("dataset") && !prefix.equalsIgnoreCase(dp.name())) {
                throw new DclustException("--set " + key + ": predict takes only data set settings (dataset.param=value)");
            }
            String param = key.substring(dot + 1);
            String other = spelled.putIfAbsent(param, key);
            if (other != null) {
                throw new DclustException("--set " + other + " and --set " + key + " both set the data set's " + param + "; give it once");
            }
            values.put(param, e.getValue());
        }
        Dataset data = dp.load(Params.resolve(dp.name(), dp.parameters(), values));
        PrintWriter o = spec.commandLine().getOut();
        try (ClusterModel m = ClusterModel.load(model, DeviceChoice.resolve(device))) {
            float[][] p = m.predictProba(data);
            int[] labels = ClusterModel.argmax(p);
            float[][] z = embed ? m.transform(data) : null;
            StringBuilder csv = new StringBuilder("index,cluster");
            if (proba) {
                for (int k = 0; k < m.clusters(); k++) {
                    csv.append(",p").append(k);
                }
            }
            if (embed) {
                for (int j = 0; j < m.latentDim(); j++) {
                    csv.append(",z").append(j);
                }
            }
            csv.append('\n');
            for (int i = 0; i < labels.length; i++) {
                csv.append(i).append(',').append(labels[i]);
                if (proba) {
                    for (float v : p[i]) {
                        csv.append(',').append(v);
                    }
                }
                if (embed) {
                    for (float v : z[i]) {
                        csv.append(',').append(v);
                    }
                }
                csv.append('\n');
            }
            Atomic.writeString(out, csv.toString());
            o.printf(Locale.ROOT, "%d samples of %s assigned to %d clusters: %s%n", labels.length, data.name(), m.clusters(), out);
            if (data.hasLabels()) {
                evaluation.metrics(data.labels(), labels).forEach((k, v) -> o.printf(Locale.ROOT, "%-10s %.4f%n", k, v));
            }
        }
        o.flush();
        return 0;
    }
}
