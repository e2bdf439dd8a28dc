package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example third-party plugin under examples/example-plugin, compiled against the api alone and put
 * on the class path, is discovered and runs end to end with no change to framework code; its learner,
 * IDEC written against the toolkit, gives the same labels as the in-tree {@code idec}.
 */
class ThirdPartyPluginTest {
    @Test
    void examplePluginIsDiscoveredAndRuns(@TempDir Path tmp) throws Exception {
        Path project = Path.of("..", "examples", "example-plugin").toAbsolutePath().normalize();
        Path classes = tmp.resolve("classes");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path")));
        try (Stream<Path> s = Files.walk(project.resolve("src/main/java"))) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(new String[0]))).isZero();
        Path services = classes.resolve("META-INF/services");
        Files.createDirectories(services);
        try (Stream<Path> s = Files.list(project.resolve("src/main/resources/META-INF/services"))) {
            for (Path f : (Iterable<Path>) s::iterator) {
                Files.copy(f, services.resolve(f.getFileName()));
            }
        }
        ClassLoader old = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader plugin = new URLClassLoader(new URL[] {classes.toUri().toURL()}, old)) {
            Thread.currentThread().setContextClassLoader(plugin);
            CliEndToEndTest.Outcome list = CliEndToEndTest.dclust("plugins", "--kind", "dataset");
            assertThat(list.out()).contains("example-rings", "example plugin: concentric noisy rings");
            CliEndToEndTest.Outcome run = CliEndToEndTest.dclust("run", "--dataset", "example-rings", "--set", "dataset.n=120",
                    "--set", "learner.pretrainEpochs=2", "--set", "mlp.hidden=16", "--set", "mlp.latentDim=2", "--no-cache",
                    "--out", tmp.resolve("run").toString());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("example-rings", "K = 3 from the data set's 3 classes", "| acc |");

            // the example's IDEC, written against the toolkit, gives the in-tree idec's labels
            List<String> settings = List.of("--dataset", "example-rings", "--set", "dataset.n=120", "--set", "mlp.hidden=16",
                    "--set", "mlp.latentDim=2", "--set", "learner.pretrainEpochs=3", "--set", "learner.epochs=4",
                    "--set", "learner.updateInterval=3", "--set", "learner.tol=0", "--set", "learner.batchSize=32", "--refiner", "centroid", "--no-cache", "--no-tsne");
            String[] labels = new String[2];
            Object[] centres = new Object[2];
            List<String> learners = List.of("idec", "example-idec");
            for (int i = 0; i < 2; i++) {
                List<String> args2 = new ArrayList<>(List.of("run", "--learner", learners.get(i), "--out", tmp.resolve(learners.get(i)).toString()));
                args2.addAll(settings);
                CliEndToEndTest.Outcome r = CliEndToEndTest.dclust(args2.toArray(new String[0]));
                assertThat(r.code()).as(r.err()).isZero();
                labels[i] = Files.readString(tmp.resolve(learners.get(i)).resolve("assignments.csv"));
                centres[i] = new ObjectMapper().readTree(tmp.resolve(learners.get(i)).resolve("model/manifest.json").toFile())
                        .get("head").get("centres");
            }
            // the learned centres agree to the last bit: the same arithmetic in the same order
            assertThat(centres[1]).isEqualTo(centres[0]);
            assertThat(labels[1].lines().count()).isEqualTo(121);
            assertThat(labels[1].lines().skip(1).map(l -> l.substring(l.indexOf(',') + 1)).distinct().count()).isEqualTo(3);
            assertThat(labels[1]).isEqualTo(labels[0]);
        } finally {
            Thread.currentThread().setContextClassLoader(old);
        }
    }
}
