package org.dclust.framework.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How epoch lines print their values. */
class ConsoleProgressTest {
    @Test
    void countsPrintAsIntegersAndMeasuresWithFiveSignificantDigits() {
        assertThat(ConsoleProgress.format(10.0)).isEqualTo("10");
        assertThat(ConsoleProgress.format(0.0)).isEqualTo("0");
        assertThat(ConsoleProgress.format(0.0106021)).isEqualTo("0.010602");
        assertThat(ConsoleProgress.format(0.98039)).isEqualTo("0.98039");
        assertThat(ConsoleProgress.format(7.69354)).isEqualTo("7.6935");
    }

    /** "run directory: ..." shows only once the run reports something: not when it stops at a check before it starts. */
    @Test
    void theHeaderPrintsBeforeTheFirstReportAndNeverWithoutOne() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 1);
        p.header("run directory: runs/x");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
        p.info("device: cpu");
        p.info("K = 3");
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly("run directory: runs/x", "device: cpu", "K = 3");
    }
}
