package org.dclust.framework.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.dclust.api.DclustException;
import org.junit.jupiter.api.Test;

class AccuracyAndF1Test {
    private static final double EPS = 1e-12;
    private final AccuracyMetric acc = new AccuracyMetric();
    private final F1MacroMetric f1Macro = new F1MacroMetric();
    private final F1MicroMetric f1Micro = new F1MicroMetric();

    @Test
    void perfectClusteringUnderRenamedIdsScoresOne() {
        int[] truth = {0, 0, 1, 1, 2, 2};
        int[] predicted = {5, 5, 3, 3, 9, 9};
        assertThat(acc.score(truth, predicted)).isEqualTo(1.0);
        assertThat(f1Macro.score(truth, predicted)).isEqualTo(1.0);
        assertThat(f1Micro.score(truth, predicted)).isEqualTo(1.0);
        assertThat(MappedLabels.of(truth, predicted).clusterToClass()).isEqualTo(Map.of(3, 1, 5, 0, 9, 2));
    }

    @Test
    void surplusClusterCountsAsErrors() {
        // Confusion (classes x clusters): [[2, 1, 0], [0, 1, 2]]; best mapping 0->0, 2->1, cluster 1 unmapped.
        int[] truth = {0, 0, 0, 1, 1, 1};
        int[] predicted = {0, 0, 1, 1, 2, 2};
        assertThat(acc.score(truth, predicted)).isCloseTo(4.0 / 6, within(EPS));
        // Each class: tp 2, class size 3, mapped cluster size 2 -> F1 = 4 / 5 (sklearn f1_score macro: 0.8).
        assertThat(f1Macro.score(truth, predicted)).isCloseTo(0.8, within(EPS));
        assertThat(f1Micro.score(truth, predicted)).isCloseTo(4.0 / 6, within(EPS));

        MappedLabels mapped = MappedLabels.of(truth, predicted);
        assertThat(mapped.clusterToClass()).isEqualTo(Map.of(0, 0, 2, 1));
        assertThat(mapped.classOf(1)).isEmpty();
        assertThat(mapped.classOf(2)).hasValue(1);
        assertThat(mapped.apply(predicted, -1)).containsExactly(0, 0, -1, -1, 1, 1);
        assertThat(mapped.matched()).isEqualTo(4);
    }

    @Test
    void classWithoutClusterGetsZeroF1() {
        // Confusion: [[2, 0], [1, 1], [0, 2]]; classes 0 and 2 take the clusters, class 1 gets none.
        int[] truth = {0, 0, 1, 1, 2, 2};
        int[] predicted = {0, 0, 0, 1, 1, 1};
        assertThat(acc.score(truth, predicted)).isCloseTo(4.0 / 6, within(EPS));
        // (0.8 + 0 + 0.8) / 3; sklearn f1_score(average="macro", labels=[0, 1, 2]) gives 0.5333333333333333.
        assertThat(f1Macro.score(truth, predicted)).isCloseTo(0.5333333333333333, within(EPS));
    }

    @Test
    void singleClusterMapsToTheLargestClass() {
        int[] truth = {1, 1, 1, 2, 3};
        int[] predicted = {0, 0, 0, 0, 0};
        assertThat(acc.score(truth, predicted)).isCloseTo(0.6, within(EPS));
        // Class 1: 2 * 3 / (3 + 5) = 0.75; classes 2 and 3: 0.
        assertThat(f1Macro.score(truth, predicted)).isCloseTo(0.25, within(EPS));
    }

    @Test
    void accuracyEqualsBruteForceOverAllMappings() {
        Random random = new Random(2024);
        for (int trial = 0; trial < 300; trial++) {
            int classes = 1 + random.nextInt(5);
            int clusters = 1 + random.nextInt(5);
            int n = 1 + random.nextInt(40);
            int[] truth = new int[n];
            int[] predicted = new int[n];
            for (int i = 0; i < n; i++) {
                truth[i] = 10 * random.nextInt(classes);
                predicted[i] = 3 + random.nextInt(clusters);
            }
            long[][] counts = new long[50][50];
            for (int i = 0; i < n; i++) {
                counts[predicted[i]][truth[i]]++;
            }
            double expected = (double) bestMapping(counts, 0, new boolean[50]) / n;
            assertThat(acc.score(truth, predicted)).as("trial %d", trial).isCloseTo(expected, within(EPS));
            assertThat(f1Micro.score(truth, predicted)).isEqualTo(acc.score(truth, predicted));
        }
    }

    /** Best total over injective partial maps cluster -> class, clusters taken in id order. */
    private static long bestMapping(long[][] counts, int cluster, boolean[] usedClass) {
        if (cluster == counts.length) {
            return 0;
        }
        long best = bestMapping(counts, cluster + 1, usedClass);
        for (int c = 0; c < usedClass.length; c++) {
            if (!usedClass[c] && counts[cluster][c] > 0) {
                usedClass[c] = true;
                best = Math.max(best, counts[cluster][c] + bestMapping(counts, cluster + 1, usedClass));
                usedClass[c] = false;
            }
        }
        return best;
    }

    @Test
    void rejectsMismatchedLengths() {
        assertThatThrownBy(() -> acc.score(new int[10], new int[9]))
                .isInstanceOf(DclustException.class)
                .hasMessageContaining("truth has 10 labels but predicted has 9");
        assertThatThrownBy(() -> f1Macro.score(new int[0], new int[0])).isInstanceOf(DclustException.class);
    }
}
