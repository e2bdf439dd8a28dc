package org.dclust.api.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading {@code /proc/self/maps} for the launcher's preloaded library. */
class MklVendorCheckTest {
    private static final String LIBTORCH = "7f1c2a000000-7f1c2b000000 r-xp 00000000 fd:01 123 /root/.djl.ai/pytorch/2.7.1-cpu-linux-x86_64/libtorch_cpu.so\n";

    @Test
    void theLibraryMappedIntoTheProcessCounts() {
        String maps = LIBTORCH + "7f1c30000000-7f1c30001000 r-xp 00001000 fd:01 456 /work/dclust/dist/target/native/" + MklVendorCheck.LIBRARY + "\n";
        assertThat(MklVendorCheck.answeredIn(maps)).isTrue();
    }

    @Test
    void otherLibrariesAndNamesThatOnlyStartAlikeDoNot() {
        assertThat(MklVendorCheck.answeredIn(LIBTORCH)).isFalse();
        assertThat(MklVendorCheck.answeredIn(LIBTORCH + "7f1c30000000-7f1c30001000 r--p 00000000 fd:01 9 /tmp/" + MklVendorCheck.LIBRARY + ".old\n"))
                .isFalse();
        assertThat(MklVendorCheck.answeredIn("")).isFalse();
    }
}
