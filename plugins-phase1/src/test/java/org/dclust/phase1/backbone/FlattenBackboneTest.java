package org.dclust.phase1.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.param.Params;
import org.dclust.api.train.EventSink;
import org.dclust.api.train.TrainingContext;
import org.dclust.phase1.learner.AeLearnerProvider;
import org.dclust.testkit.SyntheticData;
import org.junit.jupiter.api.Test;

/** An encoder-only backbone: what it builds, and a reconstructing learner refused before its first step. */
class FlattenBackboneTest {
    @Test
    void buildsAnIdentityEncoderWithoutWeightsOrDecoder() {
        FlattenBackbone b = FlattenBackboneProvider.backbone();
        assertThat(b.buildsDecoder()).isFalse();
        try (NDManager m = NDManager.newBaseManager(); EncoderNetwork net = b.build(m.newSubManager(), new int[] {1, 2, 3})) {
            assertThat(net.hasDecoder()).isFalse();
            assertThat(net.latentDim()).isEqualTo(6);
            assertThat(net.parameters()).isEmpty();
            float[] x = {1, 2, 3, 4, 5, 6, -1, -2, -3, -4, -5, -6};
            assertThat(net.encode(m.create(x).reshape(2, 1, 2, 3), true).toFloatArray()).containsExactly(x);
            assertThat(net.encode(m.create(x).reshape(2, 1, 2, 3), true).getShape().getShape()).containsExactly(2, 6);
            assertThatThrownBy(() -> net.decode(m.zeros(new ai.djl.ndarray.types.Shape(2, 6)), false))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theSharedPretrainingRefusesItBeforeAnyEpoch() {
        Dataset data = SyntheticData.blobs(40, 4, 2, 1);
        AeLearnerProvider ae = new AeLearnerProvider();
        List<String> phases = new ArrayList<>();
        EventSink sink = new EventSink() {
            @Override
            public void phaseStarted(String phase, int epochs, int batchesPerEpoch) {
                phases.add(phase);
            }
        };
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext ctx = TrainingContext.builder(m).seed(1).clusters(2).backbone(FlattenBackboneProvider.backbone()).events(sink).build();
            assertThatThrownBy(() -> ae.create(Params.resolve("ae", ae.parameters(), Map.of("pretrainEpochs", 2))).fit(data, ctx))
                    .isInstanceOf(DclustException.class)
                    .hasMessage("the autoencoder pretraining reconstructs its input, and the backbone flatten builds an encoder only: "
                            + "choose a backbone with a decoder (./dclust plugins --kind backbone lists them)");
        }
        assertThat(phases).isEmpty();
    }
}
