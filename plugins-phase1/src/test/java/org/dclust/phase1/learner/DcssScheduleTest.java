package org.dclust.phase1.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When DCSS phase 1 re-estimates its centres. The reference code (shared/reference/dcss_ref.py,
 * phase-1 loop) does it before the 0-based epoch e when e % T1 == 1; for T1 = 1 that never holds,
 * which dclust departs from on purpose (DcssLearner's Javadoc): there T1 = 1 re-estimates before every
 * epoch after the first. {@code refreshAfter(done, ...)} answers for the epoch e = done that starts next.
 */
class DcssScheduleTest {
    /** The epochs (0-based) before which the centres move, over a phase of {@code epochs} DCSSu epochs. */
    static List<Integer> refreshedBefore(int epochs, int t1) {
        List<Integer> out = new ArrayList<>();
        for (int done = 1; done <= epochs; done++) {
            if (DcssLearner.refreshAfter(done, epochs, 1, t1)) {
                out.add(done);
            }
        }
        return out;
    }

    @Test
    void followsTheReferenceForAnIntervalOfTwoOrMore() {
        for (int t1 = 2; t1 <= 7; t1++) {
            List<Integer> reference = new ArrayList<>();
            for (int e = 0; e < 30; e++) {
                if (e % t1 == 1) {
                    reference.add(e);
                }
            }
            assertThat(refreshedBefore(30, t1)).as("T1 = %d", t1).isEqualTo(reference);
        }
        assertThat(refreshedBefore(10, 2)).containsExactly(1, 3, 5, 7, 9);
        assertThat(refreshedBefore(10, 3)).containsExactly(1, 4, 7);
        // the shipped default: 2 epochs with T1 = 2 re-estimate once, before the second epoch
        assertThat(refreshedBefore(2, 2)).containsExactly(1);
    }

    @Test
    void anIntervalOfOneRefreshesBeforeEveryEpochAfterTheFirst() {
        assertThat(refreshedBefore(5, 1)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void theAggregatedVariantRefreshesOnlyAtWholeEpochsOfKPasses() {
        // K = 3 passes an epoch, T1 = 2: after pass 3 (epoch 1 starts next), not after passes 1, 2, 4, 5, 6, ...
        List<Integer> after = new ArrayList<>();
        for (int done = 1; done <= 12; done++) {
            if (DcssLearner.refreshAfter(done, 12, 3, 2)) {
                after.add(done);
            }
        }
        assertThat(after).containsExactly(3, 9);
    }
}
