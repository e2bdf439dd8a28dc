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
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.execute("bench", "--dataset", "synthetic", "--phases", "pretrain", "--rounds", "1", "--out", out.toString());
        } finally {
            System.setErr(saved);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(2);
        assertThat(text).startsWith("error: --out " + out).contains("choose another with --out")
                .doesNotContain("internal error").doesNotContain("pretrain epoch");
        assertThat(Files.isRegularFile(file)).isTrue();
    }

    @Test
    void anOutHoldingOtherFilesIsAUserErrorBeforeMeasuring(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "mine");
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.execute("bench", "--dataset", "synthetic", "--phases", "pretrain", "--rounds", "1", "--out", tmp.toString());
        } finally {
            System.setErr(saved);
        }
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: --out " + tmp + " already holds other files and no benchmark")
                .doesNotContain("pretrain epoch");
        try (var files = Files.list(tmp)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("notes.txt");
        }
    }
}
