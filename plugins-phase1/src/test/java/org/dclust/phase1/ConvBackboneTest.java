package org.dclust.phase1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.model.Backbone;
import org.dclust.api.param.Params;
import org.dclust.phase1.backbone.ConvBackboneProvider;
import org.junit.jupiter.api.Test;

class ConvBackboneTest {
    static Backbone conv(int latent) {
        ConvBackboneProvider p = new ConvBackboneProvider();
        return p.create(Params.resolve("conv", p.parameters(), Map.of("latentDim", latent)));
    }

    @Test
    void encodesAndReconstructsMnistShapedImages() throws Exception {
        try (NDManager m = NDManager.newBaseManager(); EncoderNetwork net = conv(7).build(m.newSubManager(), new int[] {1, 28, 28})) {
            NDArray x = m.randomUniform(0, 1, new Shape(4, 1, 28, 28));
            NDArray z = net.encode(x, false);
            assertThat(z.getShape()).isEqualTo(new Shape(4, 7));
            assertThat(net.decode(z, false).getShape()).isEqualTo(new Shape(4, 1, 28, 28));
            // the reference topology: 32/64/128-channel stages, bottlenecks with BatchNorm, 1152 -> d -> 1152
            long trainable = net.parameters().stream().filter(Parameter::requiresGradient).mapToLong(p -> p.getArray().size()).sum();
            assertThat(trainable).isEqualTo(expectedTrainable(1, 7));
            long bnStats = net.parameters().stream().filter(p -> !p.requiresGradient()).count();
            assertThat(bnStats).isEqualTo(2 * 10); // running mean and variance of 10 BatchNorm layers

            // one training step changes the weights; BatchNorm statistics survive a save/load round trip
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(net.decode(net.encode(x, true), true).sub(x).square().mean());
            }
            assertThat(net.parameters().get(0).getArray().getGradient().abs().sum().getFloat()).isGreaterThan(0f);
            ByteArrayOutputStream enc = new ByteArrayOutputStream();
            net.saveEncoder(new DataOutputStream(enc));
            float[] before = net.encode(x, false).toFloatArray();
            try (EncoderNetwork copy = conv(7).build(m.newSubManager(), new int[] {1, 28, 28})) {
                copy.loadEncoder(new DataInputStream(new ByteArrayInputStream(enc.toByteArray())));
                assertThat(copy.encode(x, false).toFloatArray()).containsExactly(before);
                // loaded parameters train again (api EncoderNetwork restores requiresGradient after loading)
                assertThat(copy.encoderParameters().get(0).getArray().hasGradient()).isTrue();
            }
        }
    }

    @Test
    void takesFlatAndMultiChannelVariantsAndRejectsOtherShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            try (EncoderNetwork flat = conv(10).build(m.newSubManager(), new int[] {784})) {
                NDArray x = m.randomUniform(0, 1, new Shape(2, 784));
                assertThat(flat.decode(flat.encode(x, false), false).getShape()).isEqualTo(new Shape(2, 784));
            }
            try (EncoderNetwork rgb = conv(10).build(m.newSubManager(), new int[] {3, 28, 28})) {
                NDArray x = m.randomUniform(0, 1, new Shape(2, 3, 28, 28));
                assertThat(rgb.decode(rgb.encode(x, false), false).getShape()).isEqualTo(new Shape(2, 3, 28, 28));
            }
            assertThatThrownBy(() -> conv(10).build(m.newSubManager(), new int[] {3, 32, 32}))
                    .isInstanceOf(DclustException.class).hasMessageContaining("[C, 28, 28]").hasMessageContaining("[3, 32, 32]");
            assertThatThrownBy(() -> conv(10).build(m.newSubManager(), new int[] {50}))
                    .isInstanceOf(DclustException.class).hasMessageContaining("mlp");
        }
    }

    /** Trainable parameter count of the reference topology, written out layer by layer. */
    static long expectedTrainable(int c, int d) {
        long n = 0;
        n += 32L * c * 25 + 2 * 32; // conv1 (no bias) + BN
        n += bottleneck(32);
        n += 64L * 32 * 25 + 64; // fconv1
        n += bottleneck(64);
        n += 128L * 64 * 9 + 128; // fconv2
        n += bottleneck(128);
        n += 1152L * d + d; // fc1
        n += d * 1152L + 1152; // fc2
        n += 128L * 64 * 9 + 64; // deconv1
        n += 64L * 32 * 25 + 32; // deconv2
        n += 32L * c * 16 + c; // deconv3
        return n;
    }

    static long bottleneck(int ch) {
        return ch * 64L + 2 * 64 + 64 * 64 * 9L + 2 * 64 + 64L * ch + 2L * ch;
    }
}
