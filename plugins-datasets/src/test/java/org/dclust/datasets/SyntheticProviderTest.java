package org.dclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dclust.datasets.Loads.load;

import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.junit.jupiter.api.Test;

class SyntheticProviderTest {
    static final SyntheticProvider P = new SyntheticProvider();

    static int[] counts(Dataset d) {
        int[] c = new int[d.numClasses()];
        for (int l : d.labels()) {
            c[l]++;
        }
        return c;
    }

    /** Leave-one-out 1-nearest-neighbour accuracy: near 1 when the labels follow the geometry. */
    static double oneNnAccuracy(Dataset d) {
        int n = d.size();
        int f = d.featureSize();
        float[] v = d.values();
        int right = 0;
        for (int i = 0; i < n; i++) {
            double best = Double.MAX_VALUE;
            int label = -1;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double s = 0;
                for (int k = 0; k < f; k++) {
                    double t = v[i * f + k] - v[j * f + k];
                    s += t * t;
                }
                if (s < best) {
                    best = s;
                    label = d.labels()[j];
                }
            }
            right += label == d.labels()[i] ? 1 : 0;
        }
        return right / (double) n;
    }

    @Test
    void defaultsAreThreeBlobsInTwentyDimensions() {
        Dataset d = load(P);
        assertThat(d.name()).isEqualTo("synthetic-blobs");
        assertThat(d.size()).isEqualTo(1000);
        assertThat(d.sampleShape()).containsExactly(20);
        assertThat(d.numClasses()).isEqualTo(3);
        assertThat(counts(d)).containsExactly(334, 333, 333);
        assertThat(load(P).fingerprint()).isEqualTo(d.fingerprint());
        assertThat(load(P, "seed", 1).fingerprint()).isNotEqualTo(d.fingerprint());
        assertThat(load(P, "mapSeed", 1).fingerprint()).isNotEqualTo(d.fingerprint());
        // shuffled: not all of class 0 first
        int[] sorted = d.labels().clone();
        java.util.Arrays.sort(sorted);
        assertThat(d.labels()).isNotEqualTo(sorted);
    }

    @Test
    void everyShapeKeepsItsClustersThroughTheLift() {
        for (String shape : SyntheticProvider.SHAPES) {
            Dataset d = load(P, "shape", shape, "samples", 400, "dim", 8, "noise", 0.02);
            assertThat(d.name()).isEqualTo("synthetic-" + shape);
            assertThat(d.sampleShape()).containsExactly(8);
            assertThat(oneNnAccuracy(d)).as(shape).isGreaterThan(0.98);
            for (float x : d.values()) {
                assertThat(Float.isFinite(x)).isTrue();
            }
        }
    }

    @Test
    void weightsSetTheComponentSizes() {
        Dataset d = load(P, "shape", "rings", "clusters", 3, "samples", 100, "weights", "1, 2,2");
        assertThat(d.numClasses()).isEqualTo(3);
        assertThat(counts(d)).containsExactly(20, 40, 40);
        assertThat(SyntheticProvider.sizes(new double[] {1, 1, 1}, 10)).containsExactly(4, 3, 3);
        assertThat(counts(load(P, "shape", "moons", "samples", 9, "weights", "2,1"))).containsExactly(6, 3);
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> load(P, "shape", "moons", "clusters", 3))
                .isInstanceOf(DclustException.class)
                .hasMessageStartingWith("synthetic.clusters = 3: two moons are always 2 components");
        assertThatThrownBy(() -> load(P, "weights", "1,2"))
                .isInstanceOf(DclustException.class)
                .hasMessage("synthetic.weights = 1,2 gives 2 weights for 3 components; give one positive number per component");
        assertThatThrownBy(() -> load(P, "weights", "1,x,2"))
                .isInstanceOf(DclustException.class)
                .hasMessage("synthetic.weights = 1,x,2: weight 2 ('x') is not a positive number");
        assertThatThrownBy(() -> load(P, "weights", "1,0,2"))
                .isInstanceOf(DclustException.class)
                .hasMessage("synthetic.weights = 1,0,2: weight 2 ('0') is not a positive number");
        assertThatThrownBy(() -> load(P, "clusters", 5, "samples", 4))
                .isInstanceOf(DclustException.class)
                .hasMessage("synthetic.samples = 4 is fewer than the 5 components");
    }

    @Test
    void takesTheSharedParameters() {
        Dataset d = load(P, "samples", 300, "n", 30, "imbalance", 0.5, "normalize", "standardize");
        assertThat(d.size()).isEqualTo(30);
        double mean = 0;
        for (int i = 0; i < 30; i++) {
            mean += d.values()[i * 20];
        }
        assertThat(Math.abs(mean / 30)).isLessThan(1e-5);
    }
}
