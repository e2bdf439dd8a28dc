package org.dclust.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The nominal peak's FLOPs a cycle from a processor's flags. */
class MatmulThroughputTest {
    @Test
    void flopsPerCycleFollowTheWidestFmaTheFlagsReport() {
        assertThat(MatmulThroughput.flopsPerCycle(List.of("sse2", "avx", "avx2", "fma", "avx512f", "avx512vl"))).isEqualTo(64);
        assertThat(MatmulThroughput.flopsPerCycle(List.of("sse2", "avx", "avx2", "fma"))).isEqualTo(32);
        assertThat(MatmulThroughput.flopsPerCycle(List.of("sse2", "avx", "avx2"))).as("AVX2 without FMA").isEqualTo(16);
        assertThat(MatmulThroughput.flopsPerCycle(List.of("sse2", "avx"))).isEqualTo(16);
        assertThat(MatmulThroughput.flopsPerCycle(List.of("sse2"))).isEqualTo(8);
    }

    @Test
    void thePeakIsThreadsTimesClockTimesFlopsPerCycle() {
        assertThat(new MatmulThroughput(100, 150, 2, 2096, 64).peakGflops()).isCloseTo(268.288, org.assertj.core.data.Offset.offset(1e-9));
    }
}
