package org.dclust.api.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class ClusterUseTest {
    @Test
    void countsTheClustersHoldingSamplesAndTheLargestShare() {
        assertThat(ClusterUse.of(new long[] {3, 0, 1, 0})).containsEntry("clustersUsed", 2.0).containsEntry("largestShare", 0.75);
        assertThat(ClusterUse.of(new long[] {5, 5})).containsEntry("clustersUsed", 2.0).containsEntry("largestShare", 0.5);
        assertThat(ClusterUse.of(new long[] {0, 0})).containsEntry("clustersUsed", 0.0).containsEntry("largestShare", 0.0);
    }

    @Test
    void countsBatchesUntilTakenThenStartsAgain() {
        ClusterUse use = new ClusterUse(4);
        try (NDManager m = NDManager.newBaseManager()) {
            use.add(m.create(new long[] {0, 2, 2}));
            use.add(m.create(new long[] {2}));
            assertThat(use.take()).containsEntry("clustersUsed", 2.0).containsEntry("largestShare", 0.75);
            use.add(m.create(new long[] {1, 3}));
            assertThat(use.take()).containsEntry("clustersUsed", 2.0).containsEntry("largestShare", 0.5);
            assertThat(use.take()).as("nothing counted, nothing reported").isEmpty();
        }
    }

    @Test
    void flagsEmptyOrDominantClusters() {
        assertThat(ClusterUse.collapse(new long[] {5, 5, 5})).isNull();
        assertThat(ClusterUse.collapse(new long[] {60, 40})).isNull();
        assertThat(ClusterUse.collapse(new long[] {50, 30, 20, 1})).isNull();
        assertThat(ClusterUse.collapse(new long[] {0, 10, 5})).startsWith("1 of 3 clusters are empty");
        // the 70k Fashion-MNIST ae + mnet run: two empty clusters, two of 21,000 each
        assertThat(ClusterUse.collapse(new long[] {3613, 0, 3283, 20763, 1096, 4291, 622, 0, 21061, 15271}))
                .startsWith("2 of 10 clusters are empty and the largest holds 30% of the samples [3613, 0,");
        assertThat(ClusterUse.collapse(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 91})).contains("largest holds 91% of the samples");
        // K = 3: an even share is a third, so up to 2/3 in one cluster passes; more does not
        assertThat(ClusterUse.collapse(new long[] {66, 17, 17})).isNull();
        assertThat(ClusterUse.collapse(new long[] {68, 16, 16})).contains("largest holds 68%");
    }
}
