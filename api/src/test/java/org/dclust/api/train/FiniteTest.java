package org.dclust.api.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The finiteness test behind divergence detection. */
class FiniteTest {
    @Test
    void nanAndBothInfinitiesAreNotFiniteInArraysAndRows() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray ok = m.create(new float[] {0f, -3.5f, Float.MAX_VALUE});
            assertThat(Finite.all(List.of(ok, m.create(new double[] {1e300})))).isTrue();
            for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
                assertThat(Finite.all(List.of(ok, m.create(new float[] {1f, bad})))).as("%s", bad).isFalse();
                assertThat(Finite.all(new float[][] {{1f}, {2f, bad}})).as("%s", bad).isFalse();
            }
            assertThat(Finite.all(new float[][] {{1f}, {2f, -Float.MAX_VALUE}})).isTrue();
            // integer arrays (labels, counts) are skipped
            assertThat(Finite.all(List.of(m.create(new long[] {Long.MAX_VALUE})))).isTrue();
        }
    }

    @Test
    void theCheckedArraysStayUsableInTheirOwnManager() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1f, 2f});
            Finite.all(List.of(a));
            assertThat(a.getManager()).isSameAs(m);
            assertThat(a.add(1f).toFloatArray()).containsExactly(2f, 3f);
        }
    }
}
