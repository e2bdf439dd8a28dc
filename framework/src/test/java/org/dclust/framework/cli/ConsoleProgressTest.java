package org.dclust.framework.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
}
