package org.dclust.api.toolkit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Conversions between (rows × columns) float tensors and Java matrices, and batch-scoped copies. */
public final class Matrices {
    private Matrices() {
    }

    /** A (r, c) float tensor as r rows of c values. */
    public static float[][] toMatrix(NDArray a) {
        int r = (int) a.getShape().get(0);
        int c = (int) a.getShape().get(1);
        float[] flat = a.toFloatArray();
        float[][] out = new float[r][c];
        for (int i = 0; i < r; i++) {
            System.arraycopy(flat, i * c, out[i], 0, c);
        }
        return out;
    }

    /** Sample indices as a long array (the index type PyTorch gathers with). */
    public static long[] toLong(int[] indices) {
        long[] out = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = indices[i];
        }
        return out;
    }

    /**
     * A copy of a long-lived array (centres, say) in a batch's {@code scope}, outside autograd. An op's
     * result joins the manager of its first operand, so computing with the long-lived array itself
     * inside a batch would attach every result to the long-lived manager (a leak, see DJL-NOTES).
     * For trainable centres, whose gradient must flow, use {@link TrainableCentres#inScope}.
     */
    public static NDArray inScope(NDArray longLived, NDManager scope) {
        NDArray copy = longLived.duplicate();
        copy.attach(scope);
        return copy;
    }
}
