package org.dclust.phase1.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The conv backbone's transposed convolution against the scatter definition of PyTorch's ConvTranspose2d. */
class TransposedConvTest {
    @Test
    void matchesTheScatterDefinition() {
        int[][] cases = {{3, 2, 3, 2, 0, 3}, {2, 3, 5, 2, 1, 4}, {2, 1, 4, 2, 2, 5}, {2, 2, 3, 1, 1, 4}};
        for (int[] c : cases) {
            check(c[0], c[1], c[2], c[3], c[4], c[5]);
        }
    }

    private static void check(int in, int out, int k, int s, int p, int side) {
        try (NDManager m = NDManager.newBaseManager()) {
            ConvBackbone.TransposedConv block = new ConvBackbone.TransposedConv(in, out, k, s, p);
            block.setInitializer(new ai.djl.training.initializer.UniformInitializer(0.5f), Parameter.Type.BIAS);
            block.initialize(m, DataType.FLOAT32, new Shape(2, in, side, side));
            Random r = new Random(k * 31 + s);
            int b = 2;
            float[] x = new float[b * in * side * side];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            NDArray got = block.forward(new ParameterStore(m, false), new NDList(m.create(x, new Shape(b, in, side, side))), false).singletonOrThrow();
            float[] w = block.getParameters().get("weight").getArray().toFloatArray();
            float[] bias = block.getParameters().get("bias").getArray().toFloatArray();
            int o = (side - 1) * s - 2 * p + k;
            assertThat(got.getShape()).isEqualTo(new Shape(b, out, o, o));
            assertThat(block.getOutputShapes(new Shape[] {new Shape(b, in, side, side)})[0]).isEqualTo(got.getShape());
            double[] want = new double[b * out * o * o];
            for (int n = 0; n < b; n++) {
                for (int q = 0; q < out; q++) {
                    for (int i = 0; i < o * o; i++) {
                        want[((n * out) + q) * o * o + i] = bias[q];
                    }
                }
                for (int ci = 0; ci < in; ci++) {
                    for (int i = 0; i < side; i++) {
                        for (int j = 0; j < side; j++) {
                            double v = x[((n * in + ci) * side + i) * side + j];
                            for (int q = 0; q < out; q++) {
                                for (int a = 0; a < k; a++) {
                                    for (int bb = 0; bb < k; bb++) {
                                        int y = i * s - p + a;
                                        int xx = j * s - p + bb;
                                        if (y >= 0 && y < o && xx >= 0 && xx < o) {
                                            want[((n * out + q) * o + y) * o + xx] += v * w[((ci * out + q) * k + a) * k + bb];
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            float[] g = got.toFloatArray();
            for (int i = 0; i < g.length; i++) {
                assertThat((double) g[i]).isCloseTo(want[i], within(1e-4));
            }
        }
    }
}
