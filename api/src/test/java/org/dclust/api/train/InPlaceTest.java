package org.dclust.api.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** In-place copies: the exact bits, the same array object (views see them), parameters included, no leaked arrays. */
class InPlaceTest {
    /** Values whose bits a conversion or arithmetic would change: −0, NaN with a payload, ±∞, a subnormal, the largest float. */
    private static final float[] AWKWARD = {-0.0f, Float.intBitsToFloat(0x7fc12345), Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MIN_VALUE, Float.MAX_VALUE};

    @Test
    void copiesEveryBitIntoTheSameArray() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray into = m.zeros(new Shape(2, 3));
            NDArray view = into.reshape(6); // shares into's storage: an in-place copy must show through it
            InPlace.copy(m.create(AWKWARD, new Shape(2, 3)), into);
            assertThat(bits(into.toFloatArray())).containsExactly(bits(AWKWARD));
            assertThat(bits(view.toFloatArray())).containsExactly(bits(AWKWARD));
        }
    }

    @Test
    void copiesIntoAParameterThatRequiresAGradient() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray w = m.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
            w.setRequiresGradient(true);
            InPlace.copy(new float[] {5, 6, 7, 8}, w);
            assertThat(w.toFloatArray()).containsExactly(5, 6, 7, 8);
            assertThat(w.hasGradient()).isTrue();
        }
    }

    @Test
    void copiesLongsAndLeavesNoArrayBehind() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray steps = m.create(new long[] {0});
            int before = m.getManagedArrays().size();
            for (long s = 1; s <= 50; s++) {
                InPlace.copy(new long[] {s * 1_000_000_007L}, steps);
            }
            assertThat(steps.toLongArray()).containsExactly(50 * 1_000_000_007L);
            assertThat(m.getManagedArrays()).hasSize(before);
        }
    }

    @Test
    void refusesAnotherShapeOrTypeAndScalars() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray into = m.zeros(new Shape(2, 3));
            assertThatThrownBy(() -> InPlace.copy(m.zeros(new Shape(3, 2)), into)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("shape (3, 2)").hasMessageContaining("shape (2, 3)");
            assertThatThrownBy(() -> InPlace.copy(m.zeros(new Shape(2, 3), DataType.FLOAT64), into)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("float64");
            assertThatThrownBy(() -> InPlace.copy(m.create(1f), m.create(2f))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("shape ()");
        }
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }
}
