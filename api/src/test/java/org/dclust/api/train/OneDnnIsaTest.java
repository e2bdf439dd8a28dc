package org.dclust.api.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
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

    /** oneDNN's direct convolution kernels block channels by 8 up to AVX2 and by 16 with AVX-512; capped at SSE4.1 they are GEMM-based. */
    @Test
    void theChannelBlockFollowsTheCapAndTheProcessor() {
        assertThat(OneDnnIsa.channelBlock(Optional.of("AVX2"), true)).isEqualTo(8);
        assertThat(OneDnnIsa.channelBlock(Optional.of("avx2_vnni"), true)).isEqualTo(8);
        assertThat(OneDnnIsa.channelBlock(Optional.of("AVX"), true)).isEqualTo(8);
        assertThat(OneDnnIsa.channelBlock(Optional.of("SSE41"), true)).isEqualTo(1);
        assertThat(OneDnnIsa.channelBlock(Optional.of("AVX512_CORE"), true)).isEqualTo(16);
        assertThat(OneDnnIsa.channelBlock(Optional.of("ALL"), true)).isEqualTo(16);
        assertThat(OneDnnIsa.channelBlock(Optional.of("ALL"), false)).as("a cap above what the processor has").isEqualTo(8);
        assertThat(OneDnnIsa.channelBlock(Optional.empty(), true)).isEqualTo(16);
        assertThat(OneDnnIsa.channelBlock(Optional.empty(), false)).isEqualTo(8);
        assertThat(OneDnnIsa.channelBlock()).as("capped at AVX2 in the tests").isEqualTo(8);
    }
}
