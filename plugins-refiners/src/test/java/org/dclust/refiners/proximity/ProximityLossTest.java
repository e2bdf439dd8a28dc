package org.dclust.refiners.proximity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** The refiner's loss on a tiny batch against the formulas computed by hand. */
class ProximityLossTest {
    static final float[][] Z = {{1, 2}, {0, -1}, {3, 1}};
    static final float[][] T = {{0, 0}, {5, 5}, {1, 1}};
    static final float[] RELIABLE = {1, 0, 1};

    @Test
    void pullIsTheMeanSquaredDistanceOfTheReliableRowsOverD() {
        // rows 0 and 2: |(1,2) − (0,0)|² = 5, |(3,1) − (1,1)|² = 4; row 1 (41) is left out; D = 2
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray z = m.create(Z);
            z.setRequiresGradient(true);
            NDArray pull;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                pull = ProximityLoss.pull(z, m.create(T), m.create(RELIABLE), 2, 2.0);
                gc.backward(pull);
            }
            assertThat(pull.getFloat()).isEqualTo((5f + 4f) / 2 / 2);
            // d/dz_i = 2 (z_i − t_i) r_i / (|R| D) = (z_i − t_i) r_i / 2
            assertThat(z.getGradient().toFloatArray()).containsExactly(new float[] {0.5f, 1f, 0f, 0f, 1f, 0f}, within(1e-7f));
        }
    }

    @Test
    void theReconstructionFadesAsThePullRises() {
        // S = 4 steps: β = 1/4, 2/4, 3/4, 1, then stays 1; no fading (S = 0): 1 from the start
        assertThat(ProximityLoss.proximityWeight(0, 4)).isEqualTo(0.25);
        assertThat(ProximityLoss.proximityWeight(2, 4)).isEqualTo(0.75);
        assertThat(ProximityLoss.proximityWeight(3, 4)).isEqualTo(1.0);
        assertThat(ProximityLoss.proximityWeight(40, 4)).isEqualTo(1.0);
        assertThat(ProximityLoss.proximityWeight(0, 0)).isEqualTo(1.0);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray pull = m.create(3f);
            NDArray rec = m.create(0.02f);
            // β = 0.25, w = 2, R₀ = 0.01: 0.25 · 3 + 0.75 · 2 · 0.02 / 0.01 = 0.75 + 3
            assertThat(ProximityLoss.objective(pull, rec, 0.25, 2, 0.01).getFloat()).isCloseTo(3.75f, within(1e-5f));
            assertThat(ProximityLoss.objective(pull, null, 0.25, 2, 0.01).getFloat()).isEqualTo(0.75f);
            assertThat(ProximityLoss.objective(null, rec, 0.25, 2, 0.01).getFloat()).isCloseTo(3f, within(1e-5f));
            assertThat(ProximityLoss.objective(null, null, 0.25, 2, 0.01)).isNull();
        }
    }
}
