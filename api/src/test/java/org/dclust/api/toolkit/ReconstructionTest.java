package org.dclust.api.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.Backbone;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.train.EventSink;
import org.dclust.api.train.TrainingContext;
import org.junit.jupiter.api.Test;

/**
 * The label-free check that an autoencoder learned something: its reconstruction error as a share of
 * the mean sample's, computed against a direct sum, and the pretraining's warning when it did not.
 */
class ReconstructionTest {
    /** 40 samples of 12 features on two directions plus a little noise: a 2-code autoencoder can learn them. */
    private static Dataset twoDirections() {
        Random r = new Random(7);
        float[] v = new float[40 * 12];
        for (int i = 0; i < 40; i++) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            for (int j = 0; j < 12; j++) {
                v[i * 12 + j] = (float) (0.5 + 0.2 * a * Math.sin(j) + 0.2 * b * Math.cos(j) + 0.01 * r.nextGaussian());
            }
        }
        return new Dataset("two-directions", v, new int[] {12}, null, 2);
    }

    private static final Backbone TINY = new TinyBackbone(new int[] {16}, 2);

    @Test
    void theShareIsTheReconstructionErrorOverTheMeanSamplesError() {
        Dataset data = twoDirections();
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderNetwork net = TINY.build(m.newSubManager(), new int[] {12});
            float[] x = data.values();
            float[] rec = net.decode(net.encode(data.range(m, 0, 40), false), false).toFloatArray();
            double error = 0;
            double spread = 0;
            for (int j = 0; j < 12; j++) {
                double mean = 0;
                for (int i = 0; i < 40; i++) {
                    mean += x[i * 12 + j] / 40.0;
                }
                for (int i = 0; i < 40; i++) {
                    error += Math.pow(rec[i * 12 + j] - x[i * 12 + j], 2);
                    spread += Math.pow(x[i * 12 + j] - mean, 2);
                }
            }
            assertThat(Reconstruction.shareOfMeanSampleError(net, data)).isCloseTo(error / spread, within(1e-4));
            Dataset constant = new Dataset("constant", new float[40 * 12], new int[] {12}, null, 1);
            assertThat(Reconstruction.shareOfMeanSampleError(net, constant)).as("nothing to explain").isNaN();
            assertThat(Reconstruction.learnedLittle("x", net, constant, "")).isNull();
        }
    }

    @Test
    void aPretrainingThatDidNotLearnIsWarnedAboutAndOneThatDidIsNot() {
        Dataset data = twoDirections();
        assertThat(warnings(data, 0)).singleElement().asString()
                .startsWith("warning: the autoencoder of the shared pretraining learned little: its reconstruction error is")
                .contains("on 40 samples").contains("pretrainEpochs");
        assertThat(warnings(data, 300)).isEmpty();
    }

    private static List<String> warnings(Dataset data, int epochs) {
        List<String> infos = new ArrayList<>();
        EventSink sink = new EventSink() {
            @Override
            public void info(String message) {
                infos.add(message);
            }
        };
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext ctx = TrainingContext.builder(m).seed(3).clusters(2).backbone(TINY).events(sink).build();
            try (EncoderNetwork net = Pretraining.pretrain(data, ctx, new Pretraining.Settings(epochs, 1e-2, 8), m.newSubManager())) {
                assertThat(net.hasDecoder()).isTrue();
            }
        }
        return infos.stream().filter(s -> s.startsWith("warning")).toList();
    }
}
