package org.dclust.api.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.dclust.api.DclustVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hash of the code that trains changes when a class of the hashed package (or a subpackage)
 * changes, and not when a class elsewhere in the same jar or directory does; jars and class
 * directories give the same hash for the same classes.
 */
class TrainingCodeTest {
    static final String LEARNER = "org/x/learner/";

    static Map<String, byte[]> classes(String learnerBytes, String otherBytes) {
        Map<String, byte[]> m = new TreeMap<>();
        m.put(LEARNER + "Learner.class", learnerBytes.getBytes());
        m.put(LEARNER + "loss/Loss.class", "loss".getBytes());
        m.put(LEARNER + "notes.txt", "not code".getBytes());
        m.put("org/x/backbone/Backbone.class", otherBytes.getBytes());
        return m;
    }

    static Path directory(Path root, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path f = root.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
        return root;
    }

    static Path jar(Path file, Map<String, byte[]> files) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
        return file;
    }

    @Test
    void followsThePackageAndOnlyThePackage(@TempDir Path tmp) throws IOException {
        byte[] base = TrainingCode.hash(directory(tmp.resolve("a"), classes("v1", "b1")), LEARNER);
        assertThat(TrainingCode.hash(directory(tmp.resolve("b"), classes("v1", "b2")), LEARNER)).as("a class elsewhere changed").isEqualTo(base);
        assertThat(TrainingCode.hash(directory(tmp.resolve("c"), classes("v2", "b1")), LEARNER)).as("a class of the package changed").isNotEqualTo(base);
        Map<String, byte[]> sub = classes("v1", "b1");
        sub.put(LEARNER + "loss/Loss.class", "loss2".getBytes());
        assertThat(TrainingCode.hash(directory(tmp.resolve("d"), sub), LEARNER)).as("a class of a subpackage changed").isNotEqualTo(base);
        Map<String, byte[]> text = classes("v1", "b1");
        text.put(LEARNER + "notes.txt", "other text".getBytes());
        assertThat(TrainingCode.hash(directory(tmp.resolve("e"), text), LEARNER)).as("only class files count").isEqualTo(base);
        assertThat(TrainingCode.hash(jar(tmp.resolve("f.jar"), classes("v1", "b2")), LEARNER)).as("the same classes in a jar").isEqualTo(base);
        assertThat(TrainingCode.hash(jar(tmp.resolve("g.jar"), classes("v2", "b1")), LEARNER)).isNotEqualTo(base);
    }

    @Test
    void theCacheIdentityHoldsTheVersionTheCodeTheThreadsAndTheKernelSettings() {
        Map<String, Object> id = CacheKey.codeIdentity(TrainingCodeTest.class);
        // surefire runs without the launcher's MKL preload and with oneDNN capped at AVX2, as the launcher does
        assertThat(id).containsOnlyKeys("dclust", "code", "threads", "onednn");
        assertThat(id.get("onednn")).isEqualTo("AVX2");
        assertThat(id.get("dclust")).isEqualTo(DclustVersion.get()).asString().doesNotContain("${").isNotEqualTo("unknown");
        assertThat((String) id.get("code")).matches("[0-9a-f]{24}").isEqualTo(TrainingCode.hash(DclustVersion.class, TrainingCodeTest.class))
                .isNotEqualTo(TrainingCode.hash(DclustVersion.class));
        // the surefire configuration runs libtorch on one thread
        assertThat(id.get("threads")).isEqualTo(1);
    }
}
