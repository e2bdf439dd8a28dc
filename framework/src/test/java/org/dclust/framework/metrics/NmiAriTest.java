package org.dclust.framework.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.dclust.api.DclustException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected values computed with scikit-learn 1.2.1 (Debian python3-sklearn) as
 * {@code normalized_mutual_info_score(truth, predicted)} and {@code adjusted_rand_score(truth, predicted)},
 * printed with {@code repr}.
 */
class NmiAriTest {
    private static final double TOLERANCE = 1e-9;
    private final NmiMetric nmi = new NmiMetric();
    private final AriMetric ari = new AriMetric();

    static Stream<Arguments> sklearnCases() {
        return Stream.of(
                Arguments.of(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2},
                        0.5158037429793888, 0.24242424242424243),
                Arguments.of(new int[] {0, 0, 1, 1, 2, 2, 2, 3}, new int[] {5, 5, 5, 7, 7, 9, 9, 9},
                        0.5577965290899926, 0.15789473684210525),
                Arguments.of(
                        new int[] {0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 0, 1, 1, 2, 2, 3, 3, 0, 1, 2, 3, 3, 3, 2, 1, 0, 0},
                        new int[] {4, 1, 1, 3, 4, 0, 2, 3, 5, 1, 2, 3, 4, 4, 1, 0, 2, 2, 3, 5, 4, 1, 2, 3, 3, 5, 2, 1, 0, 4},
                        0.7449579007226013, 0.6275940004109307),
                Arguments.of(new int[] {2, 2, 2, 9, 9, 9, 9, 4, 4, 4}, new int[] {1, 1, 0, 0, 0, 0, 3, 3, 3, 3},
                        0.5961618204194684, 0.39114391143911437),
                // One labeling a single cluster, the other not: NMI 0, ARI 0.
                Arguments.of(new int[] {0, 1, 2, 3}, new int[] {0, 0, 0, 0}, 0.0, 0.0),
                // Both a single cluster: both 1 by convention.
                Arguments.of(new int[] {0, 0, 0}, new int[] {7, 7, 7}, 1.0, 1.0),
                // Both all singletons.
                Arguments.of(new int[] {0, 1, 2}, new int[] {3, 4, 5}, 1.0, 1.0),
                // Independent labelings.
                Arguments.of(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}, 0.0, -0.5));
    }

    @ParameterizedTest
    @MethodSource("sklearnCases")
    void agreesWithScikitLearn(int[] truth, int[] predicted, double expectedNmi, double expectedAri) {
        assertThat(nmi.score(truth, predicted)).isCloseTo(expectedNmi, within(TOLERANCE));
        assertThat(ari.score(truth, predicted)).isCloseTo(expectedAri, within(TOLERANCE));
    }

    @Test
    void handComputedCase() {
        // truth {0,0,1,1}, predicted {0,0,0,1}: contingency [[2,0],[1,1]].
        // MI = 1/2 ln(4/3) + 1/4 ln(2/3) + 1/4 ln 2; H(truth) = ln 2; H(pred) = -(3/4 ln 3/4 + 1/4 ln 1/4).
        double mi = 0.5 * Math.log(4.0 / 3) + 0.25 * Math.log(2.0 / 3) + 0.25 * Math.log(2);
        double hPred = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
        int[] truth = {0, 0, 1, 1};
        int[] predicted = {0, 0, 0, 1};
        assertThat(nmi.score(truth, predicted)).isCloseTo(mi / ((Math.log(2) + hPred) / 2), within(1e-12));
        // Pairs: index = sum C(nij,2) = 1, expected = C(2,2)+C(2,2) times C(3,2)+0 over C(4,2) = 2*3/6 = 1,
        // max = (2 + 3) / 2 = 2.5, so ARI = (1 - 1) / (2.5 - 1) = 0.
        assertThat(ari.score(truth, predicted)).isCloseTo(0.0, within(1e-12));
        // Identical partitions under renaming.
        assertThat(ari.score(new int[] {0, 0, 1, 2}, new int[] {4, 4, 8, 6})).isEqualTo(1.0);
        assertThat(nmi.score(new int[] {0, 0, 1, 2}, new int[] {4, 4, 8, 6})).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void rejectsMismatchedLengths() {
        assertThatThrownBy(() -> nmi.score(new int[3], new int[2]))
                .isInstanceOf(DclustException.class).hasMessageContaining("truth has 3 labels but predicted has 2");
        assertThatThrownBy(() -> ari.score(new int[0], new int[0])).isInstanceOf(DclustException.class);
    }
}
