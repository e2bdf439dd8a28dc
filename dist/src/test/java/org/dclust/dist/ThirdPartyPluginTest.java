package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;

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
 * on the class path, is discovered and runs end to end with no change to framework code.
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
        } finally {
            Thread.currentThread().setContextClassLoader(old);
        }
    }
}
