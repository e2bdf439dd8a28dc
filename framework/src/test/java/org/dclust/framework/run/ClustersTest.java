package org.dclust.framework.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.junit.jupiter.api.Test;

/** Where K comes from and which message blames whom ({@link PipelineRunner#clusters}). */
class ClustersTest {
    static Dataset data(int[] labels, int declared) {
        return new Dataset("d", new float[labels == null ? 3 : labels.length], new int[] {1}, labels, declared);
    }

    @Test
    void kIsTheNumberOfClassesPresentUnlessTheUserSetsIt() {
        // labels 1, 2, 3: three classes (before, K = 4 came from the largest label plus one)
        Dataset d = data(new int[] {1, 2, 3, 2}, 0);
        assertThat(PipelineRunner.clusters(null, d)).isEqualTo(3);
        assertThat(PipelineRunner.clusters(4, d)).isEqualTo(4);
        assertThat(PipelineRunner.classList(d)).isEqualTo(" (labels 1, 2, 3)");
        assertThat(PipelineRunner.classList(data(new int[] {0, 1, 2}, 0))).isEmpty();
        int[] twelve = new int[12];
        for (int i = 0; i < 12; i++) {
            twelve[i] = 100 + i;
        }
        assertThat(PipelineRunner.classList(data(twelve, 0)))
                .isEqualTo(" (labels 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, …)");
    }

    @Test
    void aSingleClassSaysSoAndPointsToClusters() {
        assertThatThrownBy(() -> PipelineRunner.clusters(null, data(new int[] {1, 1, 1}, 0))).isInstanceOf(DclustException.class)
                .hasMessage("data set d has one class (label 1), so K cannot come from its classes: set the number of clusters "
                        + "with --clusters K (at least 2)");
        assertThatThrownBy(() -> PipelineRunner.clusters(null, data(new int[] {0, 0}, 10))).isInstanceOf(DclustException.class)
                .hasMessage("data set d has one class, so K cannot come from its classes: set the number of clusters with "
                        + "--clusters K (at least 2)");
        assertThat(PipelineRunner.clusters(2, data(new int[] {0, 0}, 10))).isEqualTo(2);
    }

    @Test
    void aKAboveTheSamplesBlamesWhereItCameFrom() {
        assertThatThrownBy(() -> PipelineRunner.clusters(5, data(new int[] {0, 1, 2}, 0))).isInstanceOf(DclustException.class)
                .hasMessage("clusters = 5 is larger than the number of samples of data set d (3): set --clusters to at most 3");
        // labels 5, 6, 7 on three samples: three classes, K = 3 is allowed (before: K = 8 "larger than the number of samples")
        assertThat(PipelineRunner.clusters(null, data(new int[] {5, 6, 7}, 0))).isEqualTo(3);
        assertThatThrownBy(() -> PipelineRunner.clusters(null, data(null, 10))).isInstanceOf(DclustException.class)
                .hasMessage("data set d declares 10 classes but holds only 3 samples: set the number of clusters with --clusters K "
                        + "(at most 3)");
        assertThatThrownBy(() -> PipelineRunner.clusters(null, data(null, 0))).isInstanceOf(DclustException.class)
                .hasMessage("data set d declares no number of classes: give --clusters K");
        assertThatThrownBy(() -> PipelineRunner.clusters(1, data(new int[] {0, 1, 2}, 0))).isInstanceOf(DclustException.class)
                .hasMessage("clusters = 1 is not valid: K must be at least 2");
    }
}
