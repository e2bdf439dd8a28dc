package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.ClusterModel;
import org.dclust.dist.CliEndToEndTest.Outcome;
import org.dclust.framework.DclustModule;
import org.dclust.framework.registry.PluginRegistry;
import org.dclust.framework.run.Predictions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 7: {@code dclust embed} exports a saved model's latent space as .npz, which the
 * {@code features} data set reads back exactly, so a learner's space becomes fixed features (Table 3).
 */
class EmbedCommandTest {
    private static final String[] DATA = {"--dataset", "fashion-mnist-small", "--set", "dataset.n=200"};

    private static Outcome dclust(List<String> args, String... data) {
        List<String> all = new java.util.ArrayList<>(args);
        all.addAll(List.of(data));
        return CliEndToEndTest.dclust(all.toArray(new String[0]));
    }

    @Test
    void theExportedFeaturesAreTheModelsLatentSpaceWithTheLabelsAndKMeansOnThemIsTheLearnersCentroid(@TempDir Path tmp) throws Exception {
        Outcome run = dclust(List.of("run", "--learner", "ae", "--refiner", "centroid", "--set", "ae.pretrainEpochs=2", "--set", "mlp.hidden=32",
                "--set", "mlp.latentDim=6", "--seed", "3", "--no-tsne", "--no-cache", "--out", tmp.resolve("run").toString()), DATA);
        assertThat(run.code()).as(run.err()).isZero();
        Path npz = tmp.resolve("h.npz");
        Outcome embed = dclust(List.of("embed", "--model", tmp.resolve("run/model").toString(), "--out", npz.toString()), DATA);
        assertThat(embed.code()).as(embed.err()).isZero();
        assertThat(embed.out()).contains("200 samples of fashion-mnist-small", "embedded in 6 dimensions (with their labels): " + npz,
                "use them with: --dataset features --set dataset.path=" + npz);

        PluginRegistry registry = Guice.createInjector(new DclustModule()).getInstance(PluginRegistry.class);
        Dataset images = Predictions.load(registry, "fashion-mnist-small", Map.of("n", "200"), Map.of());
        Dataset features = Predictions.load(registry, "features", Map.of("path", npz.toString()), Map.of());
        float[][] z;
        try (ClusterModel m = ClusterModel.load(tmp.resolve("run/model"), ai.djl.Device.cpu())) {
            z = m.transform(images);
        }
        assertThat(features.size()).isEqualTo(200);
        assertThat(features.sampleShape()).containsExactly(6);
        float[] flat = new float[200 * 6];
        for (int i = 0; i < 200; i++) {
            System.arraycopy(z[i], 0, flat, i * 6, 6);
        }
        assertThat(features.values()).containsExactly(flat);
        assertThat(features.labels()).containsExactly(images.labels());

        // identity + centroid on the exported space: the same seeded k-means as ae + centroid ran on it, so the same clusters
        Outcome fixed = dclust(List.of("run", "--dataset", "features", "--set", "dataset.path=" + npz, "--learner", "identity",
                "--refiner", "centroid", "--seed", "3", "--no-tsne", "--no-cache", "--out", tmp.resolve("fixed").toString()));
        assertThat(fixed.code()).as(fixed.err()).isZero();
        assertThat(Files.readString(tmp.resolve("fixed/assignments.csv"))).isEqualTo(Files.readString(tmp.resolve("run/assignments.csv")));
    }

    @Test
    void anOutputThatIsNoNpzIsAUserErrorAndNothingIsWritten(@TempDir Path tmp) {
        Outcome o = dclust(List.of("embed", "--model", tmp.resolve("none").toString(), "--out", tmp.resolve("f.npy").toString()), DATA);
        assertThat(o.code()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).contains("error: --out " + tmp.resolve("f.npy") + ": embed writes a NumPy .npz archive (arrays x and y, which"
                + " --dataset features reads); give a file name ending in .npz").doesNotContain("\tat ");
        assertThat(tmp.resolve("f.npy")).doesNotExist();
        Outcome other = dclust(List.of("embed", "--model", tmp.resolve("none").toString(), "--set", "learner.epochs=2",
                "--out", tmp.resolve("f.npz").toString()), DATA);
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("--set learner.epochs: embed takes only data set settings");
    }
}
