package org.dclust.framework.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BarnesHutTsneTest {
    /** n points per blob around 3 centres 8 apart on the axes of 10-D space, unit noise. */
    static float[][] blobs(int perBlob, int[] labels, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[3 * perBlob][10];
        for (int i = 0; i < x.length; i++) {
            labels[i] = i % 3;
            for (int c = 0; c < 10; c++) {
                x[i][c] = (float) (r.nextGaussian() + (c == labels[i] ? 8 : 0));
            }
        }
        return x;
    }

    @Test
    void separatesGaussianBlobs() {
        int[] labels = new int[300];
        float[][] x = blobs(100, labels, 1);
        double[][] map = BarnesHutTsne.embed(x, 42);

        assertThat(map).hasDimensions(300, 2);
        double[][] centroid = new double[3][2];
        for (int i = 0; i < 300; i++) {
            centroid[labels[i]][0] += map[i][0] / 100;
            centroid[labels[i]][1] += map[i][1] / 100;
        }
        int nearestCentroidHits = 0;
        int knnHits = 0;
        for (int i = 0; i < 300; i++) {
            int best = 0;
            for (int k = 1; k < 3; k++) {
                best = dist(map[i], centroid[k]) < dist(map[i], centroid[best]) ? k : best;
            }
            nearestCentroidHits += best == labels[i] ? 1 : 0;
            knnHits += knnVote(map, labels, i, 5) == labels[i] ? 1 : 0;
        }
        assertThat(nearestCentroidHits / 300.0).isGreaterThanOrEqualTo(0.95);
        assertThat(knnHits / 300.0).isGreaterThanOrEqualTo(0.95);

        double within = 0;
        int pairs = 0;
        for (int i = 0; i < 300; i++) {
            for (int j = i + 1; j < 300; j++) {
                if (labels[i] == labels[j]) {
                    within += dist(map[i], map[j]);
                    pairs++;
                }
            }
        }
        within /= pairs;
        double between = Math.min(dist(centroid[0], centroid[1]), Math.min(dist(centroid[0], centroid[2]), dist(centroid[1], centroid[2])));
        assertThat(within).isLessThan(between / 4);
    }

    @Test
    void sameSeedSameMapOtherSeedOtherMap() {
        int[] labels = new int[150];
        float[][] x = blobs(50, labels, 2);
        double[][] a = BarnesHutTsne.embed(x, 5, 10, 0.5, 300);
        double[][] b = BarnesHutTsne.embed(x, 5, 10, 0.5, 300);
        double[][] c = BarnesHutTsne.embed(x, 6, 10, 0.5, 300);
        assertThat(b).isDeepEqualTo(a);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void largeSampleIsDeterministicAcrossThreads() {
        // 600 points: the gradient runs in parallel, the result must not depend on the schedule
        int[] labels = new int[600];
        float[][] x = blobs(200, labels, 3);
        double[][] a = BarnesHutTsne.embed(x, 9, 30, 0.5, 100);
        double[][] b = BarnesHutTsne.embed(x, 9, 30, 0.5, 100);
        assertThat(b).isDeepEqualTo(a);
    }

    /** The size RunPlots maps; a timing check, tagged slow (run with -Dtest.excludedGroups= -Dgroups=slow). */
    @Test
    @Tag("slow")
    @Timeout(120)
    void twoThousandPointsInSeconds() {
        int[] labels = new int[2001];
        float[][] x = blobs(667, labels, 4);
        long t0 = System.nanoTime();
        double[][] map = BarnesHutTsne.embed(x, 1);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("t-SNE of %d x 10: %.2f s%n", x.length, seconds);
        for (double[] p : map) {
            assertThat(Double.isFinite(p[0]) && Double.isFinite(p[1])).isTrue();
        }
    }

    @Test
    void tinyInputs() {
        assertThat(BarnesHutTsne.embed(new float[0][], 1)).isEmpty();
        assertThat(BarnesHutTsne.embed(new float[][] {{1, 2}}, 1)).isDeepEqualTo(new double[][] {{0, 0}});
        double[][] five = BarnesHutTsne.embed(new float[][] {{0}, {1}, {2}, {3}, {3}}, 1);
        assertThat(five).hasDimensions(5, 2);
        for (double[] p : five) {
            assertThat(Double.isFinite(p[0]) && Double.isFinite(p[1])).isTrue();
        }
    }

    private static int knnVote(double[][] map, int[] labels, int i, int k) {
        Integer[] order = new Integer[map.length];
        for (int j = 0; j < map.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(dist(map[i], map[a]), dist(map[i], map[b])));
        int[] votes = new int[3];
        for (int m = 1; m <= k; m++) { // order[0] is i itself
            votes[labels[order[m]]]++;
        }
        return votes[0] >= votes[1] && votes[0] >= votes[2] ? 0 : votes[1] >= votes[2] ? 1 : 2;
    }

    private static double dist(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
