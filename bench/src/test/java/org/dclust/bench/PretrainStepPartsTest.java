package org.dclust.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The update-cost breakdown times what it says: Adam and SGD move the weights, one pass and none leave them. */
class PretrainStepPartsTest {
    @Test
    void onlyTheOptimizersMoveTheWeights() {
        float[] values = new float[256 * 784];
        Random r = new Random(3);
        for (int i = 0; i < values.length; i++) {
            values[i] = r.nextFloat();
        }
        try (NDManager m = NDManager.newBaseManager(); PretrainStepParts loop = new PretrainStepParts(m, values, 256)) {
            for (String update : PretrainStepParts.UPDATES) {
                List<float[]> before = weights(loop);
                assertThat(loop.steps(update)).isPositive();
                List<float[]> after = weights(loop);
                boolean moved = false;
                for (int i = 0; i < before.size(); i++) {
                    moved |= !java.util.Arrays.equals(before.get(i), after.get(i));
                }
                assertThat(moved).as(update).isEqualTo(update.equals("adam") || update.equals("sgd"));
            }
            assertThatThrownBy(() -> loop.steps("rmsprop")).hasMessageContaining("no update rmsprop");
        }
    }

    private static List<float[]> weights(PretrainStepParts loop) {
        List<float[]> out = new ArrayList<>();
        for (Parameter p : loop.allParameters()) {
            out.add(p.getArray().toFloatArray());
        }
        return out;
    }
}
