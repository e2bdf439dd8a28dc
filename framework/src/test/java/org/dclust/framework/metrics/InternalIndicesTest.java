package org.dclust.framework.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.dclust.api.DclustException;
import org.junit.jupiter.api.Test;

/**
 * Expected values computed with scikit-learn 1.2.1 (Debian python3-sklearn): {@code silhouette_score(X, L)},
 * {@code calinski_harabasz_score(X, L)} and {@code davies_bouldin_score(X, L)} on {@link #POINTS} as a
 * float64 array, printed with {@code repr}. The coordinates are exact in float32.
 */
class InternalIndicesTest {
    private static final double TOLERANCE = 1e-9;
    private static final float[][] POINTS = {
        {0, 0}, {1, 0}, {0, 1}, {1, 1.5f}, {5, 5}, {6, 5}, {5, 6.5f}, {6, 6}, {5.5f, 5.5f},
        {0, 6}, {1, 7}, {0.5f, 6.5f}, {9, 0}};
    private static final int[] WELL_SEPARATED = {0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 3};
    private static final int[] MIXED = {0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 0, 1};

    private final SilhouetteIndex silhouette = new SilhouetteIndex();
    private final CalinskiHarabaszIndex ch = new CalinskiHarabaszIndex();
    private final DaviesBouldinIndex db = new DaviesBouldinIndex();

    @Test
    void agreesWithScikitLearn() {
        assertThat(silhouette.score(POINTS, WELL_SEPARATED, 0)).isCloseTo(0.7268501358350055, within(TOLERANCE));
        assertThat(ch.score(POINTS, WELL_SEPARATED, 0)).isCloseTo(95.6843293692609, within(TOLERANCE));
        assertThat(db.score(POINTS, WELL_SEPARATED, 0)).isCloseTo(0.19166611529186672, within(TOLERANCE));

        assertThat(silhouette.score(POINTS, MIXED, 0)).isCloseTo(0.3048311381496754, within(TOLERANCE));
        assertThat(ch.score(POINTS, MIXED, 0)).isCloseTo(5.4368117247308305, within(TOLERANCE));
        assertThat(db.score(POINTS, MIXED, 0)).isCloseTo(0.8211095355384791, within(TOLERANCE));
    }

    @Test
    void handComputedTwoClusters() {
        float[][] points = {{0, 0}, {0, 2}, {10, 0}, {10, 2}};
        int[] assignment = {0, 0, 1, 1};
        // Silhouette of each point: a = 2, b = (10 + sqrt(104)) / 2.
        double b = (10 + Math.sqrt(104)) / 2;
        assertThat(silhouette.score(points, assignment, 0)).isCloseTo((b - 2) / b, within(1e-12));
        // Between: 4 * 25 = 100; within: 4 * 1 = 4; CH = 100 * (4 - 2) / (4 * 1) = 50.
        assertThat(ch.score(points, assignment, 0)).isCloseTo(50.0, within(1e-12));
        // Spreads 1 and 1, centroid distance 10: DB = 0.2.
        assertThat(db.score(points, assignment, 0)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void undefinedForOneClusterOrAllSingletons() {
        int[] one = new int[POINTS.length];
        int[] singletons = new int[POINTS.length];
        for (int i = 0; i < singletons.length; i++) {
            singletons[i] = i;
        }
        for (var index : new org.dclust.api.spi.InternalIndexProvider[] {silhouette, ch, db}) {
            assertThat(index.score(POINTS, one, 0)).as(index.name()).isNaN();
            assertThat(index.score(POINTS, singletons, 0)).as(index.name()).isNaN();
        }
    }

    @Test
    void directionOfEachIndex() {
        assertThat(silhouette.higherIsBetter()).isTrue();
        assertThat(ch.higherIsBetter()).isTrue();
        assertThat(db.higherIsBetter()).isFalse();
    }

    @Test
    void silhouetteSamplesLargeInputsReproducibly() {
        Random random = new Random(5);
        int n = 6000;
        float[][] points = new float[n][3];
        int[] assignment = new int[n];
        for (int i = 0; i < n; i++) {
            assignment[i] = random.nextInt(4);
            for (int d = 0; d < 3; d++) {
                points[i][d] = (float) (random.nextGaussian() + 3 * assignment[i] * (d == 0 ? 1 : 0));
            }
        }
        double first = silhouette.score(points, assignment, 42);
        assertThat(silhouette.score(points, assignment, 42)).isEqualTo(first);

        int[] chosen = org.dclust.api.toolkit.Batches.sample(n, SilhouetteIndex.SAMPLE_SIZE, 42);
        assertThat(chosen).hasSize(SilhouetteIndex.SAMPLE_SIZE).doesNotHaveDuplicates().isSorted();
        float[][] subPoints = new float[chosen.length][];
        int[] subAssignment = new int[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            subPoints[i] = points[chosen[i]];
            subAssignment[i] = assignment[chosen[i]];
        }
        assertThat(silhouette.score(subPoints, subAssignment, 0)).isEqualTo(first);
        assertThat(silhouette.score(points, assignment, 43)).isNotEqualTo(first).isCloseTo(first, within(0.05));
        assertThat(silhouette.title()).contains("5000");
    }

    @Test
    void rejectsMismatchedInput() {
        assertThatThrownBy(() -> ch.score(POINTS, new int[3], 0))
                .isInstanceOf(DclustException.class).hasMessageContaining("13 points").hasMessageContaining("3 labels");
        assertThatThrownBy(() -> silhouette.score(new float[][] {{0, 1}, {2}}, new int[2], 0))
                .isInstanceOf(DclustException.class).hasMessageContaining("point 1");
        assertThatThrownBy(() -> db.score(new float[0][], new int[0], 0)).isInstanceOf(DclustException.class);
    }
}
