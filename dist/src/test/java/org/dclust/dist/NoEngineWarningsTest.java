package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training prints nothing from the engine itself. libtorch writes its warnings ("[W... Warning:
 * AutoNonVariableTypeMode is deprecated ...", printed once per process by DJL 0.35.1's
 * {@code NDArray.copyTo}/{@code set(Buffer)}) straight to the process's stderr, out of Java's
 * reach, so this runs the command line in fresh JVMs: a study over every learner, then the same
 * study resumed from every cell's checkpoints (the restore path).
 */
class NoEngineWarningsTest {
    private static final String STUDY = """
            name: quiet
            datasets: [{name: fashion-mnist-small, label: fm150, set: {n: 150}}]
            learners: [ae, dcss, dcss-agg, dec, idec, dcn, dkm]
            refiners: [mnet]
            seeds: [1]
            preset: quick
            set: {learner.pretrainEpochs: 1, mlp.hidden: "16,16", mnet.epochs: 3, mnet.uEpochs: 1}
            """;

    @Test
    void trainingAndResumingPrintNoLibtorchWarning(@TempDir Path tmp) throws Exception {
        Path study = tmp.resolve("quiet.yaml");
        Files.writeString(study, STUDY);
        Path out = tmp.resolve("out");
        String first = dclust(tmp, "study", study.toString(), "--out", out.toString());
        assertThat(first).doesNotContain("AutoNonVariableTypeMode").doesNotContainPattern("(?m)^\\[W");

        List<Path> results;
        try (Stream<Path> files = Files.walk(out.resolve("cells"))) {
            results = files.filter(f -> f.getFileName().toString().equals("result.json")).toList();
        }
        assertThat(results).hasSize(7);
        for (Path r : results) {
            Files.delete(r); // as if killed before the end: the cell resumes from its checkpoints
        }
        String resumed = dclust(tmp, "study", study.toString(), "--out", out.toString());
        assertThat(resumed).doesNotContain("AutoNonVariableTypeMode").doesNotContainPattern("(?m)^\\[W");
        assertThat(results).allMatch(Files::isRegularFile);
    }

    /** Runs the command line in a new JVM with the test class path; returns its stderr, after checking it exited 0. */
    private static String dclust(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
                "-cp", System.getProperty("java.class.path"), "org.dclust.framework.cli.Main"));
        command.addAll(List.of(args));
        File err = dir.resolve("stderr.txt").toFile();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
        String stderr = Files.readString(err.toPath());
        assertThat(p.exitValue()).as(stderr).isZero();
        return stderr;
    }
}
