package org.dclust.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.param.InvalidParameterException;
import org.junit.jupiter.api.Test;

/**
 * Soft assignments are found by name with their parameters, save as {@code {kind, params}}, and the
 * form of model format 1 ({@code {kind, parameter}}) still loads to the same assignment.
 */
class SoftAssignmentTest {
    @Test
    void theBuiltInKindsAreFoundByName() {
        assertThat(SoftAssignment.of("fuzzy", Map.of("m", 1.5))).isEqualTo(SoftAssignment.fuzzy(1.5));
        assertThat(SoftAssignment.of("student-t", Map.of())).isEqualTo(SoftAssignment.studentT(1.0));
        assertThat(SoftAssignment.of("nearest", Map.of())).isEqualTo(SoftAssignment.nearest());
        assertThat(SoftAssignment.fuzzy(1.5)).isNotEqualTo(SoftAssignment.fuzzy(2.0));
        assertThatThrownBy(() -> SoftAssignment.of("fuzzy", Map.of("m", 1.0))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("fuzzy.m = 1.0");
    }

    @Test
    void descriptionsOfBothFormatsLoad() {
        SoftAssignment f = SoftAssignment.fuzzy(1.7);
        assertThat(f.describe()).isEqualTo(Map.of("kind", "fuzzy", "params", Map.of("m", 1.7)));
        assertThat(SoftAssignment.fromDescription(f.describe())).isEqualTo(f);
        assertThat(SoftAssignment.fromDescription(Map.of("kind", "fuzzy", "parameter", 1.7))).isEqualTo(f);
        assertThat(SoftAssignment.fromDescription(Map.of("kind", "student-t", "parameter", 1.0))).isEqualTo(SoftAssignment.studentT(1));
        assertThat(SoftAssignment.fromDescription(Map.of("kind", "nearest", "parameter", 0.0))).isEqualTo(SoftAssignment.nearest());
    }

    @Test
    void anUnknownKindNamesThePluginThatIsMissing() {
        assertThatThrownBy(() -> SoftAssignment.fromDescription(Map.of("kind", "gaussian", "params", Map.of())))
                .isInstanceOf(DclustException.class).hasMessageContaining("the soft assignment 'gaussian' of this model")
                .hasMessageContaining("known assignments: ").hasMessageContaining("student-t");
    }

    @Test
    void studentTAndNearestAgainstADirectComputation() {
        float[][] z = {{0f, 0f}, {3f, 1f}};
        float[][] c = {{1f, 0f}, {2f, 2f}};
        try (NDManager m = NDManager.newBaseManager()) {
            float[] q = SoftAssignment.studentT(1).probabilities(m.create(z), m.create(c)).toFloatArray();
            // α = 1: q ∝ 1 / (1 + d²); sample 0: d² = 1 and 8; sample 1: d² = 5 and 2
            assertThat((double) q[0]).isCloseTo((1 / 2.0) / (1 / 2.0 + 1 / 9.0), within(1e-6));
            assertThat((double) q[3]).isCloseTo((1 / 3.0) / (1 / 6.0 + 1 / 3.0), within(1e-6));
            assertThat(SoftAssignment.nearest().probabilities(m.create(z), m.create(c)).toFloatArray()).containsExactly(1f, 0f, 0f, 1f);
        }
    }
}
