package org.dclust.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.dclust.api.DclustException;
import org.junit.jupiter.api.Test;

/** The benchmark's arithmetic and its settings' checks. */
class PhaseTimingTest {
    @Test
    void ratioOfMediansOfOddAndEvenCounts() {
        PhaseTiming t = new PhaseTiming("pretrain", 256, List.of(3.0, 1.0, 2.0, 10.0), List.of(2.0, 4.0, 1.0));
        assertThat(t.dclustMedian()).isEqualTo(2.5);
        assertThat(t.bareMedian()).isEqualTo(2.0);
        assertThat(t.ratio()).isCloseTo(1.25, within(1e-12));
    }

    @Test
    void unknownPhasesAndTooFewRoundsAreUserErrors() {
        assertThatThrownBy(() -> new Bench.Settings("fashion-mnist-small", Map.of(), List.of("dcss", "vade"), 5, 1, null))
                .isInstanceOf(DclustException.class).hasMessageContaining("vade").hasMessageContaining("dcss-agg");
        assertThatThrownBy(() -> new Bench.Settings("fashion-mnist-small", Map.of(), List.of("dcss"), 0, 1, null))
                .isInstanceOf(DclustException.class).hasMessageContaining("--rounds");
    }

    @Test
    void everyPhaseHasAPipelineAndABareLoop() {
        for (String name : BenchPhase.ALL) {
            BenchPhase p = BenchPhase.of(name, 5, 10);
            assertThat(p.name()).isEqualTo(name);
            assertThat(p.bare()).isNotNull();
        }
        assertThat(BenchPhase.of("dcss-agg", 5, 10).learnerParams()).containsEntry("epochs", 1);
        assertThat(BenchPhase.of("vade", 5, 10)).isNull();
    }
}
