package org.dclust.api.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

/**
 * Overwrites an existing array's values in place, for state that must keep its identity (optimizer
 * moments, centres, a model's parameters restored from a checkpoint).
 *
 * <p>Use this instead of DJL's {@code NDArray.copyTo} and {@code NDArray.set(Buffer)} (and
 * {@code set(float[])}, {@code set(long[])}): in DJL 0.35.1 those go through the PyTorch engine's
 * native {@code torchSet}, which opens libtorch's deprecated {@code AutoNonVariableTypeMode} guard,
 * and libtorch then prints "Warning: AutoNonVariableTypeMode is deprecated ... silent wrong result"
 * on the terminal of every run that trains. Here the copy is an indexed assignment over the whole
 * array ({@code into[...] = from}, libtorch's {@code index_put_}, an element-wise copy), so the values
 * written are bit for bit those given. Autograd is off outside a gradient collector (DJL's default),
 * so this works on parameters too.
 */
public final class InPlace {
    private InPlace() {
    }

    /**
     * Copies {@code from}'s values into {@code into}.
     *
     * @throws IllegalArgumentException when the shapes or data types differ, or the arrays are scalars
     *     (shape (), which cannot be indexed)
     */
    public static void copy(NDArray from, NDArray into) {
        if (!from.getShape().equals(into.getShape()) || from.getDataType() != into.getDataType() || into.getShape().isScalar()) {
            throw new IllegalArgumentException("cannot copy a " + from.getDataType() + " array of shape " + from.getShape() + " into a "
                    + into.getDataType() + " array of shape " + into.getShape() + " in place");
        }
        into.set(new NDIndex(":"), from);
    }

    /** Copies {@code values} (row-major, as many as {@code into} holds) into the float32 array {@code into}. */
    public static void copy(float[] values, NDArray into) {
        try (NDManager scope = into.getManager().newSubManager()) {
            copy(scope.create(values, into.getShape()), into);
        }
    }

    /** Copies {@code values} (row-major, as many as {@code into} holds) into the int64 array {@code into}. */
    public static void copy(long[] values, NDArray into) {
        try (NDManager scope = into.getManager().newSubManager()) {
            copy(scope.create(values, into.getShape()), into);
        }
    }
}
