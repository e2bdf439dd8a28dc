package org.dclust.framework.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dclust.api.DclustException;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    @Test
    void tabulatesArbitraryIdsInAscendingOrder() {
        ConfusionMatrix cm = ConfusionMatrix.of(new int[] {7, 7, 2, 2, 2, 40}, new int[] {100, 3, 3, 3, 100, 3});

        assertThat(cm.total()).isEqualTo(6);
        assertThat(cm.classCount()).isEqualTo(3);
        assertThat(cm.clusterCount()).isEqualTo(2);
        assertThat(new int[] {cm.classId(0), cm.classId(1), cm.classId(2)}).containsExactly(2, 7, 40);
        assertThat(new int[] {cm.clusterId(0), cm.clusterId(1)}).containsExactly(3, 100);
        assertThat(cm.toDense()).isDeepEqualTo(new double[][] {{2, 1}, {1, 1}, {1, 0}});
        assertThat(cm.count(2, 1)).isZero();
        assertThat(cm.nonZeroCells()).isEqualTo(5);
        assertThat(new long[] {cm.classSize(0), cm.classSize(1), cm.classSize(2)}).containsExactly(3, 2, 1);
        assertThat(new long[] {cm.clusterSize(0), cm.clusterSize(1)}).containsExactly(4, 2);
    }

    @Test
    void rejectsDifferentLengths() {
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[10], new int[9]))
                .isInstanceOf(DclustException.class)
                .hasMessageContaining("truth has 10 labels but predicted has 9");
    }

    @Test
    void rejectsEmptyAndMissingLabels() {
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[0], new int[0]))
                .isInstanceOf(DclustException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> ConfusionMatrix.of(null, new int[1]))
                .isInstanceOf(DclustException.class).hasMessageContaining("truth");
    }
}
