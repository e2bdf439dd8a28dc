package org.dclust.api.toolkit;

import java.util.Arrays;
import java.util.Random;

/** Index batches: shuffled by a seeded {@link Random}, or in order. Batches carry sample indices so methods can keep per-sample state. */
public final class Batches {
    private Batches() {
    }

    /**
     * A seeded random permutation of 0..n-1 cut into batches of {@code batchSize}; a last batch of a
     * single sample is folded into the one before (BatchNorm cannot train on one sample).
     */
    public static int[][] shuffled(int n, int batchSize, Random random) {
        return cut(permutation(n, random), batchSize);
    }

    /**
     * The same permutation as {@link #shuffled} (the same draws), cut into the {@code n / batchSize}
     * full batches only: the last {@code n mod batchSize} samples of the permutation sit this epoch
     * out (PyTorch's {@code drop_last=True}), for methods whose state assumes batches of one size
     * (MoCo's queue).
     */
    public static int[][] shuffledFull(int n, int batchSize, Random random) {
        int[] perm = permutation(n, random);
        int[][] out = new int[n / batchSize][];
        for (int b = 0; b < out.length; b++) {
            out[b] = Arrays.copyOfRange(perm, b * batchSize, (b + 1) * batchSize);
        }
        return out;
    }

    /** A seeded random permutation of 0..n-1 (Fisher-Yates from the last element). */
    private static int[] permutation(int n, Random random) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    /** 0..n-1 in order, cut into batches. */
    public static int[][] sequential(int n, int batchSize) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return cut(all, batchSize);
    }

    private static int[][] cut(int[] order, int batchSize) {
        int n = order.length;
        int count = (n + batchSize - 1) / batchSize;
        if (count > 1 && n % batchSize == 1) {
            count--;
        }
        int[][] out = new int[count][];
        for (int b = 0; b < count; b++) {
            int start = b * batchSize;
            int end = b == count - 1 ? n : start + batchSize;
            out[b] = Arrays.copyOfRange(order, start, end);
        }
        return out;
    }

    /**
     * {@code size} distinct indices of 0..n-1 in ascending order (all of them when {@code size >= n}),
     * by a partial Fisher-Yates shuffle seeded with {@code seed}: the seeded sample an internal index or
     * an estimate is computed on.
     */
    public static int[] sample(int n, int size, long seed) {
        if (size >= n) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        Random random = new Random(seed);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] chosen = Arrays.copyOf(idx, size);
        Arrays.sort(chosen);
        return chosen;
    }

    /** The number of batches {@link #shuffled} makes. */
    public static int count(int n, int batchSize) {
        int count = (n + batchSize - 1) / batchSize;
        return count > 1 && n % batchSize == 1 ? count - 1 : count;
    }
}
