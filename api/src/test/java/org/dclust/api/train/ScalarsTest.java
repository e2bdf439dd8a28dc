package org.dclust.api.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Scalar operands survive a garbage collection between the forward and the backward pass. Each test
 * records f(x) for x = (1, 2, 3), then collects every unreachable direct buffer and fills freshly
 * allocated small direct buffers (which reuse the freed memory) with NaN before the backward pass.
 * With DJL's own {@code NDArray.mul(Number)} (and div, pow, maximum) the operand's buffer is freed
 * there and the gradients come out as 0, ∞ or NaN; with {@link Scalars} they are the hand-computed ones.
 */
class ScalarsTest {
    @Test
    void mulKeepsItsFactorForTheBackwardPass() {
        float s = (float) (1e-6 / 3);
        assertThat(gradientAfterGc(x -> Scalars.mul(x, 1e-6 / 3))).containsExactly(s, s, s);
    }

    @Test
    void divKeepsItsDivisorForTheBackwardPass() {
        assertThat(gradientAfterGc(x -> Scalars.div(x, 4f))).containsExactly(0.25f, 0.25f, 0.25f);
    }

    @Test
    void powKeepsItsExponentForTheBackwardPass() {
        // d/dx x³ = 3x²
        assertThat(gradientAfterGc(x -> Scalars.pow(x, 3))).containsExactly(3f, 12f, 27f);
    }

    @Test
    void maximumKeepsItsBoundForTheBackwardPass() {
        // max(x, 2.5) passes the gradient only where x > 2.5
        assertThat(gradientAfterGc(x -> Scalars.maximum(x, 2.5f))).containsExactly(0f, 0f, 1f);
    }

    @Test
    void resultsEqualDjlsOverloadsBitForBit() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {0.1f, -2.7f, 3.3f});
            assertThat(Scalars.mul(x, 1e-6 / 3).toFloatArray()).containsExactly(x.mul(1e-6 / 3).toFloatArray());
            assertThat(Scalars.div(x, 0.3f).toFloatArray()).containsExactly(x.div(0.3f).toFloatArray());
            assertThat(Scalars.pow(x.abs(), -1.25).toFloatArray()).containsExactly(x.abs().pow(-1.25).toFloatArray());
            assertThat(Scalars.maximum(x, 0f).toFloatArray()).containsExactly(x.maximum(0f).toFloatArray());
            assertThat(Scalars.mul(x, 2).getDataType()).isEqualTo(x.mul(2).getDataType());
        }
    }

    @Test
    void leavesNoArrayInTheManager() {
        try (NDManager m = NDManager.newBaseManager(); NDManager scope = m.newSubManager()) {
            NDArray x = scope.create(new float[] {1, 2, 3});
            int before = scope.getManagedArrays().size();
            Scalars.mul(Scalars.div(Scalars.pow(Scalars.maximum(x, 0f), 2), 3f), 0.5);
            // only the four results
            assertThat(scope.getManagedArrays()).hasSize(before + 4);
        }
    }

    /** The gradient of sum(f(x)) at x = (1, 2, 3), with freed direct memory overwritten before the backward pass. */
    private static float[] gradientAfterGc(UnaryOperator<NDArray> f) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3});
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = f.apply(x).sum();
                collectDirectBuffers();
                List<ByteBuffer> scribbles = scribbleOverFreedMemory();
                gc.backward(y);
                assertThat(scribbles).isNotEmpty();
            }
            return x.getGradient().toFloatArray();
        }
    }

    /** Runs the collector until the number of live direct buffers stops falling (their memory is then freed). */
    private static void collectDirectBuffers() {
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).findFirst().orElseThrow();
        long before;
        do {
            before = direct.getCount();
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        } while (direct.getCount() < before);
    }

    /** Small direct buffers full of NaN bits; the allocator hands out the chunks just freed first. */
    private static List<ByteBuffer> scribbleOverFreedMemory() {
        List<ByteBuffer> out = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
            b.putLong(0, 0x7ff8_0000_7fc0_0000L);
            out.add(b);
        }
        return out;
    }
}
