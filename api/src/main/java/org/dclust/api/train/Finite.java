package org.dclust.api.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;

/**
 * Whether numbers are finite (neither NaN nor infinite): the test that tells a diverged training from
 * a working one (see {@link TrainingDivergedException}). Arrays of integers or booleans are always
 * finite.
 */
public final class Finite {
    private Finite() {
    }

    /** True when every value of every floating-point array of a named state is finite. */
    public static boolean all(Map<String, NDArray> arrays) {
        return all(List.copyOf(arrays.values()));
    }

    /** True when every value of every floating-point array is finite; the arrays are left as they were. */
    public static boolean all(List<NDArray> arrays) {
        for (NDArray a : arrays) {
            if (!a.getDataType().isFloating()) {
                continue;
            }
            try (NDManager scope = a.getManager().newSubManager()) {
                scope.tempAttachAll(a);
                if (a.isNaN().logicalOr(a.isInfinite()).any().getBoolean()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True when every value is finite. */
    public static boolean all(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** True when every value of every row is finite. */
    public static boolean all(float[][] rows) {
        for (float[] r : rows) {
            if (!all(r)) {
                return false;
            }
        }
        return true;
    }
}
