package org.dclust.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The result of phase 1: a trainable {@link AutoEncoder} (its decoder where the learner kept one), K
 * centres in latent space and the learner's own soft assignment to them. Owns the network's native
 * memory.
 */
public final class LatentModel implements AutoCloseable {
    private final String learner;
    private final AutoEncoder network;
    private final float[][] centres;
    private final SoftAssignment assignment;

    public LatentModel(String learner, AutoEncoder network, float[][] centres, SoftAssignment assignment) {
        this.learner = learner;
        this.network = network;
        this.centres = centres;
        this.assignment = assignment;
    }

    /** The learner's name. */
    public String learner() {
        return learner;
    }

    public AutoEncoder network() {
        return network;
    }

    /** K × d centres (a copy may be taken; do not modify). */
    public float[][] centres() {
        return centres;
    }

    public int clusters() {
        return centres.length;
    }

    public SoftAssignment assignment() {
        return assignment;
    }

    /** The centres as a (K, d) tensor in {@code manager}. */
    public NDArray centres(NDManager manager) {
        return manager.create(centres);
    }

    @Override
    public void close() {
        network.close();
    }
}
