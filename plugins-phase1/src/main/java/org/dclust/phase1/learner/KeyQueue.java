package org.dclust.phase1.learner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.Random;

/**
 * MoCo's dictionary of negative keys (He et al. 2020, section 3.2; {@code moco/builder.py},
 * {@code _dequeue_and_enqueue}): a queue of the K most recent keys as the rows of a (K, d) array,
 * updated in place. Each batch of b keys overwrites rows [p, p + b) and the pointer moves to
 * (p + b) mod K, so the oldest batch leaves as the newest enters; K must be a multiple of b (as the
 * authors assert), so a batch never wraps around. It starts as random unit vectors (the authors'
 * {@code randn} normalised per key), drawn from a Java generator.
 */
final class KeyQueue {
    private final NDArray keys;
    private long pointer;

    /** K random unit keys of size d in {@code manager}. */
    KeyQueue(NDManager manager, int size, int dim, Random random) {
        float[] v = new float[size * dim];
        for (int i = 0; i < size; i++) {
            double norm = 0;
            for (int j = 0; j < dim; j++) {
                double g = random.nextGaussian();
                v[i * dim + j] = (float) g;
                norm += g * g;
            }
            float inv = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
            for (int j = 0; j < dim; j++) {
                v[i * dim + j] *= inv;
            }
        }
        this.keys = manager.create(v, new ai.djl.ndarray.types.Shape(size, dim));
    }

    /** The (K, d) array itself (a checkpoint holds it; it changes in place). */
    NDArray keys() {
        return keys;
    }

    /** The row the next batch is written to. */
    long pointer() {
        return pointer;
    }

    /** Puts the pointer back (a resumed run). */
    void pointer(long p) {
        this.pointer = p;
    }

    /**
     * Enqueues a batch of keys (b, d), replacing the oldest b.
     *
     * @throws IllegalArgumentException when the batch would run past the end (K not a multiple of b)
     */
    void enqueue(NDArray batch) {
        long b = batch.getShape().get(0);
        long size = keys.getShape().get(0);
        if (pointer + b > size) {
            throw new IllegalArgumentException("a batch of " + b + " keys at row " + pointer + " runs past the queue's " + size
                    + " rows: the queue size must be a multiple of the batch size");
        }
        keys.set(new NDIndex("{}:{}", pointer, pointer + b), batch);
        pointer = (pointer + b) % size;
    }
}
