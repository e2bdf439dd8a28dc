package org.dclust.phase1.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.model.Backbone;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.param.Params;
import org.junit.jupiter.api.Test;

/** The resnet backbone: its size, its shapes, what it refuses, and the pooled features it encodes to. */
class ResNetBackboneTest {
    static Backbone resnet(int width, int stages, int blocks) {
        ResNetBackboneProvider p = new ResNetBackboneProvider();
        return p.create(Params.resolve(p.name(), p.parameters(), Map.of("width", width, "stages", stages, "blocks", blocks)));
    }

    /**
     * ResNet-20 (width 16, 3 stages of 3 blocks) counted by hand: the stem's 3×3 convolution and batch
     * norm, per block two 3×3 convolutions with their batch norms, and the two 1×1 projection
     * shortcuts (16→32, 32→64) with theirs; batch norm has γ and β (trained) and two running statistics.
     */
    @Test
    void resNet20HasTheParametersCountedByHand() {
        long convs = 9L * 1 * 16;
        long bnChannels = 16;
        int[] widths = {16, 32, 64};
        int in = 16;
        for (int w : widths) {
            for (int b = 0; b < 3; b++) {
                convs += 9L * in * w + 9L * w * w;
                bnChannels += 2L * w;
                if (in != w) {
                    convs += (long) in * w;
                    bnChannels += w;
                }
                in = w;
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderNetwork net = resnet(16, 3, 3).build(m, new int[] {1, 28, 28});
            long trained = 0;
            long statistics = 0;
            for (Parameter p : net.encoderParameters()) {
                long size = p.getArray().getShape().size();
                if (p.requiresGradient()) {
                    trained += size;
                } else {
                    statistics += size;
                }
            }
            assertThat(trained).isEqualTo(convs + 2 * bnChannels);
            assertThat(statistics).isEqualTo(2 * bnChannels);
            assertThat(net.hasDecoder()).isFalse();
            assertThat(net.latentDim()).isEqualTo(64);
        }
    }

    @Test
    void greyAndColourImagesGivePooledFeatures() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            for (int[] shape : new int[][] {{1, 28, 28}, {3, 32, 32}, {28, 28}}) {
                EncoderNetwork net = resnet(8, 3, 1).build(m.newSubManager(), shape);
                long[] batch = new long[shape.length + 1];
                batch[0] = 5;
                for (int i = 0; i < shape.length; i++) {
                    batch[i + 1] = shape[i];
                }
                NDArray z = net.encode(m.randomUniform(0, 1, new Shape(batch)), false);
                assertThat(z.getShape()).isEqualTo(new Shape(5, 32));
                // after the last ReLU and the average: non-negative
                assertThat(z.min().getFloat()).isGreaterThanOrEqualTo(0f);
            }
        }
    }

    /**
     * Global average pooling makes the code of a stride-1 network blind to where an object sits: one
     * bright pixel at (5, 5) or at (9, 10) of a dark 16×16 image, both farther from the border than
     * the 7×7 receptive field reaches, gives the same code (the feature maps are shifted copies on a
     * constant background), while a second bright pixel changes it.
     */
    @Test
    void theCodeIsTheSpatialMeanSoAShiftedObjectGivesTheSameCode() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(2);
            EncoderNetwork net = resnet(8, 1, 1).build(m, new int[] {1, 16, 16});
            float[] a = new float[256];
            float[] b = new float[256];
            float[] c = new float[256];
            a[5 * 16 + 5] = 1;
            b[9 * 16 + 10] = 1;
            c[5 * 16 + 5] = 1;
            c[9 * 16 + 10] = 1;
            float[] z = net.encode(m.create(concat(a, b, c), new Shape(3, 1, 16, 16)), false).toFloatArray();
            double apart = 0;
            for (int j = 0; j < 8; j++) {
                assertThat(z[8 + j]).isCloseTo(z[j], within(1e-6f));
                apart += Math.abs(z[16 + j] - z[j]);
            }
            assertThat(apart).isGreaterThan(1e-4);
        }
    }

    private static float[] concat(float[]... parts) {
        float[] out = new float[parts.length * parts[0].length];
        for (int i = 0; i < parts.length; i++) {
            System.arraycopy(parts[i], 0, out, i * parts[0].length, parts[0].length);
        }
        return out;
    }

    @Test
    void anythingButImagesLargeEnoughIsRefused() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> resnet(8, 3, 1).build(m, new int[] {784})).isInstanceOf(DclustException.class)
                    .hasMessageContaining("[C, H, W]").hasMessageContaining("[784]").hasMessageContaining("mlp");
            assertThatThrownBy(() -> resnet(8, 4, 1).build(m, new int[] {1, 6, 6})).isInstanceOf(DclustException.class)
                    .hasMessageContaining("at least 8");
        }
        assertThat(resnet(64, 4, 2).latentDim()).isEqualTo(512);
    }

    /** On the CPU a width that is not a multiple of oneDNN's channel block is refused before anything trains, naming what to use. */
    @Test
    void widthsThatAreNotWholeChannelBlocksAreRefused() {
        ResNetBackbone four = (ResNetBackbone) resnet(4, 2, 1);
        assertThatThrownBy(() -> four.requireWholeChannelBlocks(8, "max ISA AVX2")).isInstanceOf(DclustException.class)
                .hasMessageContaining("width 4 is not a multiple of 8").hasMessageContaining("max ISA AVX2").hasMessageContaining("Use width 8")
                .hasMessageNotContaining("ONEDNN_MAX_CPU_ISA");
        ResNetBackbone eight = (ResNetBackbone) resnet(8, 2, 1);
        eight.requireWholeChannelBlocks(8, "max ISA AVX2");
        assertThatThrownBy(() -> eight.requireWholeChannelBlocks(16, "no cap")).isInstanceOf(DclustException.class)
                .hasMessageContaining("Use width 16").hasMessageContaining("ONEDNN_MAX_CPU_ISA=AVX2");
        four.requireWholeChannelBlocks(1, "max ISA SSE41");
        // the tests run with oneDNN capped at AVX2 (the root pom): building is where it is checked
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> four.build(m, new int[] {1, 8, 8})).isInstanceOf(DclustException.class).hasMessageContaining("width 4");
        }
    }
}
