package org.dclust.phase1.learner;

import ai.djl.ndarray.NDArray;

/** Conversions between (rows × columns) float tensors and Java matrices. */
final class Matrices {
    private Matrices() {
    }

    /** A (r, c) float tensor as r rows of c values. */
    static float[][] toMatrix(NDArray a) {
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
    static long[] toLong(int[] indices) {
        long[] out = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = indices[i];
        }
        return out;
    }
}
