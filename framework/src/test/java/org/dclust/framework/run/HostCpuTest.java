package org.dclust.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The processor's description from /proc/cpuinfo texts. */
class HostCpuTest {
    private static final String ZEN5 = """
            processor\t: 0
            vendor_id\t: AuthenticAMD
            cpu family\t: 26
            model\t\t: 2
            model name\t: AMD EPYC
            flags\t\t: fpu sse2 avx avx2 fma avx512f avx512vl

            processor\t: 1
            vendor_id\t: GenuineIntel
            """;

    @Test
    void theFirstProcessorWithItsWidestVectorSet() {
        assertThat(HostCpu.describe(ZEN5)).isEqualTo("AuthenticAMD family 26 model 2 (AMD EPYC), avx512f");
        assertThat(HostCpu.describe(ZEN5.replace(" avx512f avx512vl", ""))).endsWith("), avx2");
        assertThat(HostCpu.describe(ZEN5.replace(" avx avx2 fma avx512f avx512vl", ""))).endsWith("), sse");
    }

    @Test
    void nothingKnownIsUnknown() {
        assertThat(HostCpu.describe("")).isEqualTo("unknown");
        assertThat(HostCpu.describe("Processor\t: AArch64\n")).isEqualTo("unknown");
    }
}
