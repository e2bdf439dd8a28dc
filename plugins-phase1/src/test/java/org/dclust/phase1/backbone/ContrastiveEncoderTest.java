package org.dclust.phase1.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.dclust.api.DclustException;
import org.dclust.api.model.Backbone;
import org.dclust.api.model.EncoderNetwork;
import org.junit.jupiter.api.Test;

/** The contrastive encoder: the trunk's codes normalised (H), or the projection head's (Z), rebuilt by name from its parameters. */
class ContrastiveEncoderTest {
    private final Backbone trunk = ResNetBackboneTest.resnet(8, 2, 1);

    private static EncoderNetwork build(Backbone b, NDManager m) {
        Engine.getInstance().setRandomSeed(7);
        return b.build(m.newSubManager(), new int[] {1, 8, 8});
    }

    @Test
    void hSpaceIsTheTrunksCodeDividedByItsLength() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomUniform(0, 1, new Shape(3, 1, 8, 8));
            float[] raw = build(trunk, m).encode(x, false).toFloatArray();
            EncoderNetwork h = build(ContrastiveEncoder.around(trunk, 0), m);
            assertThat(h.latentDim()).isEqualTo(16);
            float[] unit = h.encode(x, false).toFloatArray();
            for (int i = 0; i < 3; i++) {
                double norm = 0;
                for (int j = 0; j < 16; j++) {
                    norm += raw[i * 16 + j] * raw[i * 16 + j];
                }
                for (int j = 0; j < 16; j++) {
                    assertThat(unit[i * 16 + j]).isCloseTo((float) (raw[i * 16 + j] / Math.sqrt(norm)), within(1e-6f));
                }
            }
        }
    }

    /** Z space: unit rows of the projection's size; the H network's arrays are the Z network's trunk, by name. */
    @Test
    void zSpaceIsTheNormalisedProjectionAndSharesTheTrunksNames() {
        try (NDManager m = NDManager.newBaseManager()) {
            ContrastiveEncoder z = ContrastiveEncoder.around(trunk, 5);
            EncoderNetwork net = build(z, m);
            assertThat(net.latentDim()).isEqualTo(5);
            NDArray codes = net.encode(m.randomUniform(0, 1, new Shape(4, 1, 8, 8)), false);
            assertThat(codes.getShape()).isEqualTo(new Shape(4, 5));
            float[] norms = codes.norm(new int[] {1}).toFloatArray();
            assertThat(norms).hasSize(4).usingComparatorWithPrecision(1e-6f).containsOnly(1f);
            EncoderNetwork h = build(z.withProjection(0), m);
            assertThat(net.encoderState().keySet()).containsAll(h.encoderState().keySet());
            // the head: Linear(8, 8) and Linear(8, 5), with biases
            assertThat(net.encoderState().size() - h.encoderState().size()).isEqualTo(4);
        }
    }

    /**
     * SeCu's head batch-normalises its hidden layer: four more arrays (γ, β and the running mean and
     * variance), kept by a rebuild from the parameters and by {@code withProjection}; MoCo's head has none.
     */
    @Test
    void secusHeadNormalisesItsHiddenLayer() {
        try (NDManager m = NDManager.newBaseManager()) {
            ContrastiveEncoder plain = ContrastiveEncoder.around(trunk, 5);
            ContrastiveEncoder bn = ContrastiveEncoder.around(trunk, 5, true);
            EncoderNetwork net = build(bn, m);
            assertThat(net.encoderState().size() - build(plain, m).encoderState().size()).isEqualTo(4);
            assertThat(net.encoderState().keySet()).anyMatch(k -> k.toLowerCase(java.util.Locale.ROOT).contains("runningmean"));
            ContrastiveEncoderProvider p = new ContrastiveEncoderProvider();
            assertThat(build(p.create(bn.params()), m).encoderState().keySet()).isEqualTo(net.encoderState().keySet());
            assertThat(bn.withProjection(7).params().getBool("batchNorm")).isTrue();
            assertThat(plain.params().getBool("batchNorm")).isFalse();
        }
    }

    @Test
    void itRebuildsFromItsParametersAndRefusesToWrapItself() {
        ContrastiveEncoder z = ContrastiveEncoder.around(trunk, 5);
        ContrastiveEncoderProvider p = new ContrastiveEncoderProvider();
        assertThat(p.validate(z.params())).isEmpty();
        Backbone again = p.create(z.params());
        assertThat(again.latentDim()).isEqualTo(5);
        assertThat(((ContrastiveEncoder) again).trunk().params()).isEqualTo(trunk.params());
        assertThatThrownBy(() -> ContrastiveEncoder.around(z, 0)).isInstanceOf(DclustException.class).hasMessageContaining("--backbone");
        assertThat(p.validate(z.params().with(p.parameters(), java.util.Map.of("backbone", "no-such-backbone")))).singleElement()
                .asString().contains("no-such-backbone");
        assertThat(p.validate(z.params().with(p.parameters(), java.util.Map.of("backboneParams", "{\"width\": 0}")))).singleElement()
                .asString().contains("width");
    }
}
