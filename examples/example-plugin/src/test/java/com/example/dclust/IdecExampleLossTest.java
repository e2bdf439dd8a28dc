package com.example.dclust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** IDEC's target distribution (eq. 5) and clustering loss (eq. 4) against a direct computation on a 3 × 2 example. */
class IdecExampleLossTest {
    private static final double[][] Q = {{0.8, 0.2}, {0.4, 0.6}, {0.1, 0.9}};

    @Test
    void targetAndKl() {
        // f = column sums (1.3, 1.7); p_ij ∝ q_ij² / f_j, normalised per row
        double[][] p = new double[3][2];
        for (int i = 0; i < 3; i++) {
            double a = Q[i][0] * Q[i][0] / 1.3;
            double b = Q[i][1] * Q[i][1] / 1.7;
            p[i][0] = a / (a + b);
            p[i][1] = b / (a + b);
        }
        double kl = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                kl += p[i][j] * Math.log(p[i][j] / Q[i][j]) / 3;
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            float[] target = IdecExample.target(m.create(new float[][] {{0.8f, 0.2f}, {0.4f, 0.6f}, {0.1f, 0.9f}})).toFloatArray();
            for (int i = 0; i < 3; i++) {
                assertThat((double) target[2 * i]).isCloseTo(p[i][0], within(1e-6));
            }
            float[][] pf = {{(float) p[0][0], (float) p[0][1]}, {(float) p[1][0], (float) p[1][1]}, {(float) p[2][0], (float) p[2][1]}};
            double got = IdecExample.kl(m.create(pf), m.create(new float[][] {{0.8f, 0.2f}, {0.4f, 0.6f}, {0.1f, 0.9f}})).getFloat();
            assertThat(got).isCloseTo(kl, within(1e-6));
        }
    }
}
