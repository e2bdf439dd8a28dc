package org.dclust.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bench's bare ACAI loop trains what the learner trains: both the autoencoder and the critic. */
class BareAcaiTest {
    @Test
    void anEpochMovesTheAutoencoderAndTheCritic() throws Exception {
        int n = 96;
        int d = 12;
        float[] x = new float[n * d];
        Random r = new Random(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat();
        }
        try (NDManager m = NDManager.newBaseManager(); BareAcai acai = new BareAcai(m, x, n, 3, 32, 1)) {
            List<float[]> encoderBefore = copy(BareLoop.trainable(acai.encoder));
            List<float[]> decoderBefore = copy(BareLoop.trainable(acai.decoder));
            List<float[]> criticBefore = copy(BareLoop.trainable(acai.critic()));
            acai.epoch(0);
            assertThat(changed(encoderBefore, BareLoop.trainable(acai.encoder))).isTrue();
            assertThat(changed(decoderBefore, BareLoop.trainable(acai.decoder))).isTrue();
            assertThat(changed(criticBefore, BareLoop.trainable(acai.critic()))).isTrue();
        }
    }

    private static List<float[]> copy(List<Parameter> params) {
        List<float[]> out = new ArrayList<>();
        for (Parameter p : params) {
            out.add(p.getArray().toFloatArray());
        }
        return out;
    }

    private static boolean changed(List<float[]> before, List<Parameter> after) {
        for (int i = 0; i < before.size(); i++) {
            float[] a = before.get(i);
            float[] b = after.get(i).getArray().toFloatArray();
            for (int j = 0; j < a.length; j++) {
                if (a[j] != b[j]) {
                    return true;
                }
            }
        }
        return false;
    }
}
