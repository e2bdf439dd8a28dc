package org.dclust.framework.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class QuadTreeTest {
    private static double[] points(int n, long seed) {
        Random r = new Random(seed);
        double[] y = new double[2 * n];
        for (int c = 0; c < y.length; c++) {
            y[c] = r.nextGaussian() * 5;
        }
        // a few coincident points and a very close pair
        y[2] = y[0];
        y[3] = y[1];
        y[4] = y[0];
        y[5] = y[1];
        y[6] = y[8] + 1e-13;
        y[7] = y[9];
        return y;
    }

    /** The exact repulsion of point i: force sum_j w^2 (y_i - y_j) and sum_j w, j != i. */
    private static double[] exact(double[] y, int i) {
        double[] out = new double[3];
        for (int j = 0; j < y.length / 2; j++) {
            if (j != i) {
                double dx = y[2 * i] - y[2 * j];
                double dy = y[2 * i + 1] - y[2 * j + 1];
                double w = 1 / (1 + dx * dx + dy * dy);
                out[0] += w * w * dx;
                out[1] += w * w * dy;
                out[2] += w;
            }
        }
        return out;
    }

    @Test
    void thetaZeroIsTheExactRepulsion() {
        double[] y = points(200, 1);
        QuadTree tree = new QuadTree(y);
        for (int i = 0; i < 200; i++) {
            double[] f = new double[2];
            double q = tree.repulsion(i, 0, f);
            double[] e = exact(y, i);
            assertThat(f[0]).isCloseTo(e[0], within(1e-9));
            assertThat(f[1]).isCloseTo(e[1], within(1e-9));
            assertThat(q).isCloseTo(e[2], within(1e-9));
        }
    }

    @Test
    void thetaHalfIsClose() {
        double[] y = points(1000, 2);
        QuadTree tree = new QuadTree(y);
        double err = 0;
        double norm = 0;
        double zApprox = 0;
        double zExact = 0;
        for (int i = 0; i < 1000; i++) {
            double[] f = new double[2];
            zApprox += tree.repulsion(i, 0.5, f);
            double[] e = exact(y, i);
            zExact += e[2];
            err += (f[0] - e[0]) * (f[0] - e[0]) + (f[1] - e[1]) * (f[1] - e[1]);
            norm += e[0] * e[0] + e[1] * e[1];
        }
        assertThat(Math.sqrt(err / norm)).isLessThan(0.05);
        assertThat(zApprox / zExact).isCloseTo(1, within(0.01));
    }
}
