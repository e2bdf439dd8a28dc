package org.dclust.api.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading oneDNN's instruction-set cap from the environment. */
class OneDnnIsaTest {
    @Test
    void theCurrentNameWinsOverTheOlderOne() {
        assertThat(OneDnnIsa.capIn(Map.of("ONEDNN_MAX_CPU_ISA", "AVX2", "DNNL_MAX_CPU_ISA", "AVX512_CORE"))).contains("AVX2");
        assertThat(OneDnnIsa.capIn(Map.of("DNNL_MAX_CPU_ISA", " AVX512_CORE "))).contains("AVX512_CORE");
        assertThat(OneDnnIsa.capIn(Map.of("ONEDNN_MAX_CPU_ISA", " "))).isEmpty();
        assertThat(OneDnnIsa.capIn(Map.of())).isEmpty();
    }

    @Test
    void theTestsRunCappedAtAvx2AsTheLauncherRuns() {
        assertThat(OneDnnIsa.describe()).as("the root pom's surefire environment").isEqualTo("max ISA AVX2");
    }
}
