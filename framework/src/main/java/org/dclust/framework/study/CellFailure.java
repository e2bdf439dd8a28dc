package org.dclust.framework.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dclust.api.DclustException;
import org.dclust.api.toolkit.Atomic;
import org.dclust.framework.run.PipelineRunner;
import org.dclust.framework.run.RunIdentity;

/**
 * A study cell whose training diverged, as its {@code failed.json} records it: the message and the
 * identity the run would have had, so a study started again with the same configuration does not
 * retrain it, and one with another configuration does.
 */
record CellFailure(String error, RunIdentity identity) {
    /** Writes failed.json (atomically). */
    void write(Path file) {
        try {
            Atomic.writeString(file, PipelineRunner.json().writeValueAsString(this));
        } catch (IOException e) {
            throw new DclustException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The failure recorded in {@code file}, or null when there is none. */
    static CellFailure read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return PipelineRunner.json().readValue(file.toFile(), CellFailure.class);
        } catch (IOException e) {
            throw new DclustException(file + " is unreadable (" + e.getMessage() + "); delete that cell's directory to run it again");
        }
    }
}
