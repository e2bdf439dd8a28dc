package org.dclust.api.toolkit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dclust.api.train.Checkpoints;
import org.dclust.api.train.InPlace;

/**
 * A copy of a phase's whole state ({@link EpochLoop.State}: every array, by name, and the scalars) as
 * it stood at one epoch, kept in native memory beside the live state, to be put back later: the
 * state of the best epoch so far under an epoch selection ({@link EpochLoop}), or of the last healthy
 * epoch (MNet's guard). It costs one more copy of the state's arrays (parameters, optimizer moments,
 * centres); keeping a new epoch copies values in place, so memory stays flat.
 */
public final class StateCopy implements AutoCloseable {
    private final EpochLoop.State state;
    private final NDManager manager;
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();
    private Map<String, Object> meta = Map.of();
    private int epoch = -1;

    /** Room for a copy of {@code state}, in a sub-manager of {@code parent}; holds nothing until {@link #keep}. */
    public StateCopy(EpochLoop.State state, NDManager parent) {
        this.state = state;
        this.manager = parent.newSubManager();
        for (Map.Entry<String, NDArray> e : state.arrays().entrySet()) {
            NDArray copy = e.getValue().duplicate();
            copy.attach(manager);
            arrays.put(e.getKey(), copy);
        }
    }

    /** Copies the live state, as it stands after {@code epoch} epochs, into this copy. */
    public void keep(int epoch) {
        for (Map.Entry<String, NDArray> e : state.arrays().entrySet()) {
            InPlace.copy(e.getValue(), arrays.get(e.getKey()));
        }
        meta = new LinkedHashMap<>(state.meta());
        this.epoch = epoch;
    }

    /** Takes a saved checkpoint's arrays and scalars (of the same layout) as this copy's. */
    public void keep(Checkpoints.Checkpoint saved) {
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            NDArray given = saved.arrays().get(e.getKey());
            if (given == null || !given.getShape().equals(e.getValue().getShape()) || given.getDataType() != e.getValue().getDataType()) {
                throw saved.refused("does not hold " + e.getKey() + " as this run's state does");
            }
            InPlace.copy(given, e.getValue());
        }
        meta = new LinkedHashMap<>(saved.meta());
        meta.keySet().retainAll(state.meta().keySet());
        this.epoch = saved.epochsDone();
    }

    /** Whether a state has been kept. */
    public boolean holds() {
        return epoch >= 0;
    }

    /** The epoch (epochs done) of the kept state; -1 before the first {@link #keep}. */
    public int epoch() {
        return epoch;
    }

    /** The kept arrays by name (read them, do not change them). */
    public Map<String, NDArray> arrays() {
        return arrays;
    }

    /** The kept scalars by name. */
    public Map<String, Object> meta() {
        return meta;
    }

    /**
     * Puts the kept state back into the live one (in place, so every array keeps its identity).
     *
     * @throws IllegalStateException when nothing was kept
     */
    public void restore() {
        if (!holds()) {
            throw new IllegalStateException("no state was kept");
        }
        state.restore(new Checkpoints.Checkpoint(Path.of("(memory)"), "kept", epoch, arrays, meta));
    }

    @Override
    public void close() {
        manager.close();
    }
}
