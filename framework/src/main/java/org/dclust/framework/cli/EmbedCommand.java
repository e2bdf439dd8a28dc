package org.dclust.framework.cli;

import com.google.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.ClusterModel;
import org.dclust.framework.registry.PluginRegistry;
import org.dclust.framework.run.FeatureArchive;
import org.dclust.framework.run.OutputPaths;
import org.dclust.framework.run.Predictions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dclust embed}: writes a saved model's latent space of every sample of a data set (its
 * {@link ClusterModel#transform}: the learner's encoder, with the model's fitted preprocessing; for
 * {@code moco} the backbone's pooled features, L2-normalised, "H space") as a {@code .npz} archive
 * ({@link FeatureArchive}: x and, with labels, y), which the {@code features} data set reads as it is:
 * so any learner and refiner can run on fixed features (DCSS Table 3's protocol). An {@code --out}
 * that is not a {@code .npz} file name, or cannot be written, is a user error found before the model
 * and the data are read.
 */
@Command(name = "embed", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Write a saved model's latent space of a data set as .npz (arrays x and y), for --dataset features.")
public final class EmbedCommand implements Callable<Integer> {
    private final PluginRegistry registry;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOnData input;
    @Option(names = "--out", description = "the .npz file to write (default features.npz)")
    Path out;

    @Inject
    public EmbedCommand(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws IOException {
        Path file = out != null ? out : Path.of("features.npz");
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz")) {
            throw new DclustException("--out " + file + ": embed writes a NumPy .npz archive (arrays x and y, which --dataset features "
                    + "reads); give a file name ending in .npz");
        }
        OutputPaths.file("--out", file, "features.npz");
        Dataset data = Predictions.load(registry, input.dataset, input.settings(registry, "embed"), Map.of());
        int dims;
        try (ClusterModel m = input.loadModel()) {
            FeatureArchive.write(file, m.transform(data), data.hasLabels() ? data.labels() : null);
            dims = m.latentDim();
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%d samples of %s embedded in %d dimensions%s: %s%n", data.size(), data.name(), dims,
                data.hasLabels() ? " (with their labels)" : "", file);
        o.printf(Locale.ROOT, "use them with: --dataset features --set dataset.path=%s%n", file);
        o.flush();
        return 0;
    }
}
