package org.dclust.api.train;

import ai.djl.ndarray.NDArray;
import java.util.function.BinaryOperator;

/**
 * Arithmetic with a scalar operand that stays valid until the backward pass. Use these instead of
 * DJL's {@code NDArray.mul(Number)}, {@code div(Number)}, {@code pow(Number)} and
 * {@code maximum(Number)} in any code an autograd graph may record (losses, soft assignments,
 * distances).
 *
 * <p>Why: in DJL 0.35.1 those overloads wrap the number in a 0-dimensional array whose values live in a
 * Java direct buffer (the PyTorch engine's {@code torchFromBlob}: libtorch borrows the memory, it does
 * not own it) and close that array as soon as the operation returns. Autograd keeps the operand for the
 * backward pass (the gradient of x·s is s, of xˢ is s·xˢ⁻¹, of max(x, s) compares with s), but only the
 * closed Java array kept the buffer alive: a garbage collection between the forward and the backward
 * pass frees it, and the gradient is computed from whatever the memory then holds (0, ∞ or NaN). Here
 * the scalar is first copied into memory that libtorch owns and reference-counts, so the graph keeps
 * it alive on its own; the result is bit for bit that of DJL's overload (the same value, data type and
 * kernel).
 *
 * <p>Each method takes the number as DJL's overload does: a {@code Float} makes a float32 scalar, a
 * {@code Double} a float64 one, an {@code Integer} an int32 one. The result joins {@code a}'s manager.
 * {@code add(Number)} and {@code sub(Number)} keep no operand for the backward pass and are safe as
 * they are.
 */
public final class Scalars {
    private Scalars() {
    }

    /** {@code a · s}. */
    public static NDArray mul(NDArray a, Number s) {
        return withOwned(a, s, NDArray::mul);
    }

    /** {@code a / s}. */
    public static NDArray div(NDArray a, Number s) {
        return withOwned(a, s, NDArray::div);
    }

    /** {@code a} to the power {@code s}, element-wise. */
    public static NDArray pow(NDArray a, Number s) {
        return withOwned(a, s, NDArray::pow);
    }

    /** The element-wise maximum of {@code a} and {@code s}. */
    public static NDArray maximum(NDArray a, Number s) {
        return withOwned(a, s, NDArray::maximum);
    }

    /** {@code op(a, s)} with {@code s} as an array whose memory the engine owns (see {@link #owned}). */
    private static NDArray withOwned(NDArray a, Number s, BinaryOperator<NDArray> op) {
        try (NDArray scalar = owned(a, s)) {
            return op.apply(a, scalar);
        }
    }

    /**
     * {@code s} as a 0-dimensional array in {@code a}'s manager whose memory the engine owns and
     * reference-counts: closing it after the operation only drops the Java side's reference, and a graph
     * that saved it keeps it.
     */
    private static NDArray owned(NDArray a, Number s) {
        try (NDArray borrowed = a.getManager().create(s)) {
            return borrowed.duplicate();
        }
    }
}
