package org.dclust.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dclust.framework.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dclust bench} checks its output directory before it measures anything. */
class BenchCommandTest {
    @Test
    void anOutBelowARegularFileIsAUserErrorBeforeMeasuring(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("plain.txt"), "not a directory");
        Path out = file.resolve("bench");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = bench(err, "--dataset", "synthetic", "--phases", "pretrain", "--rounds", "1", "--out", out.toString());
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(2);
        assertThat(text).startsWith("error: --out " + out).contains("choose another with --out")
                .doesNotContain("internal error").doesNotContain("pretrain epoch");
        assertThat(Files.isRegularFile(file)).isTrue();
    }

    @Test
    void anOutHoldingOtherFilesIsAUserErrorBeforeMeasuring(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "mine");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = bench(err, "--dataset", "synthetic", "--phases", "pretrain", "--rounds", "1", "--out", tmp.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: --out " + tmp + " already holds other files and no benchmark")
                .doesNotContain("pretrain epoch");
        try (var files = Files.list(tmp)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("notes.txt");
        }
    }

    /** --update-costs runs on its own random data: the options it would ignore are user errors, found before anything runs. */
    @Test
    void updateCostsRefusesTheOptionsItWouldIgnore() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(bench(err, "--update-costs", "--phases", "pretrain")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: --update-costs").contains("drop --phases").doesNotContain("GFLOP/s");
        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        assertThat(bench(err2, "--update-costs", "--rounds", "0")).isEqualTo(2);
        assertThat(err2.toString(StandardCharsets.UTF_8)).contains("--rounds must be at least 1");
    }

    /** Runs {@code dclust bench ARGS} in this JVM; its standard error goes to {@code err}. */
    private static int bench(ByteArrayOutputStream err, String... args) {
        PrintStream saved = System.err;
        String[] all = new String[args.length + 1];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return Main.execute(all);
        } finally {
            System.setErr(saved);
        }
    }
}
