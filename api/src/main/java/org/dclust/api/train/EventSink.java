package org.dclust.api.train;

/**
 * Receives a run's progress. Plugins report through it and never print; the CLI turns it into
 * progress bars and epoch lines, a library user into whatever they like. All methods default to
 * doing nothing.
 */
public interface EventSink {
    /** A sink that ignores everything. */
    EventSink NONE = new EventSink() { };

    /** A training phase starts: {@code epochs} epochs of {@code batches} batches each. */
    default void phaseStarted(String phase, int epochs, int batches) {
    }

    /** One batch of the current epoch of {@code phase} is done. */
    default void batchDone(String phase) {
    }

    /** An epoch ended. */
    default void epochEnded(EpochReport report) {
    }

    /** A phase ended. */
    default void phaseEnded(String phase) {
    }

    /** A named series produced at the end of a phase (for example MNet's ‖q − onehot(q)‖ per sample). */
    default void series(String phase, String name, double[] values) {
    }

    /**
     * A clustering phase kept the epoch its {@link EpochSelection} found best (not necessarily the
     * last); reported once, at the phase's end, only when a selection other than the final epoch is on.
     */
    default void epochKept(KeptEpoch kept) {
    }

    /** A one-line note for the log ("pretraining found in cache", "resumed at epoch 12"). */
    default void info(String message) {
    }
}
