package org.dclust.framework.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TsneGradientTest {
    @Test
    void gradientIsAQuarterOfTheKlDerivative() {
        // with theta = 0 the gradient is exact: 4 * grad must match central differences of KL(P || Q)
        Random r = new Random(3);
        double[][] x = new double[30][4];
        for (double[] row : x) {
            for (int c = 0; c < 4; c++) {
                row[c] = r.nextGaussian();
            }
        }
        SparseRows p = TsneAffinities.joint(x, 5);
        double[] y = new double[60];
        for (int c = 0; c < 60; c++) {
            y[c] = r.nextGaussian();
        }
        double[] grad = new double[60];
        TsneGradient.compute(p, y, 0, 1, grad);
        double h = 1e-5;
        for (int c = 0; c < 60; c++) {
            double keep = y[c];
            y[c] = keep + h;
            double up = kl(p, y);
            y[c] = keep - h;
            double down = kl(p, y);
            y[c] = keep;
            assertThat(4 * grad[c]).isCloseTo((up - down) / (2 * h), within(1e-7));
        }
    }

    private static double kl(SparseRows p, double[] y) {
        int n = y.length / 2;
        double z = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    z += w(y, i, j);
                }
            }
        }
        double kl = 0;
        for (int i = 0; i < n; i++) {
            for (int e = p.start()[i]; e < p.start()[i + 1]; e++) {
                double pij = p.val()[e];
                kl += pij * Math.log(pij / (w(y, i, p.col()[e]) / z));
            }
        }
        return kl;
    }

    private static double w(double[] y, int i, int j) {
        double dx = y[2 * i] - y[2 * j];
        double dy = y[2 * i + 1] - y[2 * j + 1];
        return 1 / (1 + dx * dx + dy * dy);
    }
}
