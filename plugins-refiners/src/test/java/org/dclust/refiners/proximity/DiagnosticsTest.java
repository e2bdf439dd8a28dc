package org.dclust.refiners.proximity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The diagnostics: feature twist (label-free) and neighbourhood purity (label-based), on shapes whose answers are known. */
class DiagnosticsTest {
    /** n points uniform on a segment of the x axis in 3 dimensions. */
    static float[][] segment(int n, Random r) {
        float[][] p = new float[n][];
        for (int i = 0; i < n; i++) {
            p[i] = new float[] {(float) r.nextDouble(), 0, 0};
        }
        return p;
    }

    /** n points uniform on the unit circle of the (x, y) plane in 3 dimensions. */
    static float[][] circle(int n, Random r) {
        float[][] p = new float[n][];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * r.nextDouble();
            p[i] = new float[] {(float) Math.cos(t), (float) Math.sin(t), 0};
        }
        return p;
    }

    /**
     * Where the eigen decomposition does not converge, the singular values stand in: for a symmetric
     * positive semi-definite matrix they are its eigenvalues ([[2, 1, 0], [1, 2, 0], [0, 0, 0.5]]: 3, 1, 0.5).
     */
    @Test
    void theSingularValuesOfACovarianceAreItsEigenvalues() {
        double[][] cov = {{2, 1, 0}, {1, 2, 0}, {0, 0, 0.5}};
        double[] sv = FeatureTwistIndex.singularValues(cov);
        java.util.Arrays.sort(sv);
        assertThat(sv).containsExactly(new double[] {0.5, 1, 3}, org.assertj.core.api.Assertions.within(1e-12));
        double[] eig = FeatureTwistIndex.eigenvalues(cov);
        java.util.Arrays.sort(eig);
        assertThat(eig).containsExactly(sv, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void pcaDimensionCountsTheComponentsOfNinetyPercentOfTheVariance() {
        Random r = new Random(1);
        assertThat(FeatureTwistIndex.pcaDimension(segment(200, r), 0.9)).isEqualTo(1);
        // a circle: variance 1/2 along x and along y, none along z
        assertThat(FeatureTwistIndex.pcaDimension(circle(500, r), 0.9)).isEqualTo(2);
        // standard deviations 2, 1, 0.1: variances 4, 1, 0.01; the first explains 80%, two 99.8%
        float[][] p = new float[2000][];
        for (int i = 0; i < p.length; i++) {
            p[i] = new float[] {(float) (2 * r.nextGaussian()), (float) r.nextGaussian(), (float) (0.1 * r.nextGaussian())};
        }
        assertThat(FeatureTwistIndex.pcaDimension(p, 0.9)).isEqualTo(2);
        assertThat(FeatureTwistIndex.pcaDimension(p, 0.7)).isEqualTo(1);
        assertThat(FeatureTwistIndex.pcaDimension(new float[][] {{1, 1}, {1, 1}, {1, 1}}, 0.9)).isZero();
    }

    @Test
    void twoNnFindsTheDimensionOfTheManifold() {
        Random r = new Random(2);
        assertThat(FeatureTwistIndex.twoNn(segment(1000, r))).isCloseTo(1.0, within(0.12));
        assertThat(FeatureTwistIndex.twoNn(circle(1000, r))).isCloseTo(1.0, within(0.12));
        float[][] square = new float[1000][];
        for (int i = 0; i < square.length; i++) {
            square[i] = new float[] {(float) r.nextDouble(), (float) r.nextDouble(), 0};
        }
        assertThat(FeatureTwistIndex.twoNn(square)).isCloseTo(2.0, within(0.25));
        assertThat(FeatureTwistIndex.twoNn(new float[][] {{0, 0}, {1, 1}})).isNaN();
    }

    /**
     * A segment is flat (1 linear dimension, 1 intrinsic: twist 0); a circle is curved (2 linear, 1
     * intrinsic: twist 1). Two clusters of 900 and 300 points: (900 · 0 + 300 · 1) / 1200 = 0.25 (an
     * unweighted mean would give 0.5; each TwoNN estimate on n points errs by about 1/√n).
     */
    @Test
    void featureTwistIsZeroForAFlatClusterAndOneForACircle() {
        Random r = new Random(3);
        FeatureTwistIndex index = new FeatureTwistIndex();
        assertThat(index.score(segment(600, r), new int[600], 1)).isCloseTo(0.0, within(0.12));
        assertThat(index.score(circle(600, r), new int[600], 1)).isCloseTo(1.0, within(0.12));
        float[][] both = new float[1200][];
        int[] labels = new int[1200];
        float[][] s = segment(900, r);
        float[][] c = circle(300, r);
        for (int i = 0; i < 1200; i++) {
            both[i] = i < 900 ? s[i] : new float[] {c[i - 900][0] + 10, c[i - 900][1], c[i - 900][2]};
            labels[i] = i < 900 ? 0 : 1;
        }
        assertThat(index.score(both, labels, 1)).isCloseTo(0.25, within(0.1));
        assertThat(index.higherIsBetter()).isFalse();
        // no cluster with 3 points: undefined
        assertThat(index.score(new float[][] {{0}, {1}}, new int[] {0, 1}, 1)).isNaN();
    }

    /**
     * Two far groups of 11 points on a line, labelled by group: every 10-neighbourhood is its own group,
     * purity 1. Relabel one point of the first group: it has 0 neighbours of its class, each of the
     * other 10 in its group 9 of 10, the second group stays pure: (0 + 10 · 0.9 + 11) / 22.
     */
    @Test
    void neighbourhoodPurityOnTwoGroups() {
        float[][] p = new float[22][];
        int[] labels = new int[22];
        for (int i = 0; i < 22; i++) {
            p[i] = new float[] {(i < 11 ? 0 : 100) + 0.01f * (i % 11), 0};
            labels[i] = i < 11 ? 0 : 1;
        }
        NeighbourhoodPurity purity = new NeighbourhoodPurity();
        int[] unused = new int[22];
        assertThat(purity.score(labels, unused, p, 1)).isEqualTo(1.0);
        labels[0] = 1;
        assertThat(purity.score(labels, unused, p, 1)).isCloseTo(20.0 / 22, within(1e-12));
        assertThat(purity.needsLatent()).isTrue();
        assertThatThrownBy(() -> purity.score(labels, unused)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(purity.score(new int[5], new int[5], new float[5][2], 1)).isNaN();
    }
}
