package org.dclust.api.train;

import org.dclust.api.DclustException;

/** Thrown at the next batch boundary after a run was cancelled; nothing half-written is left behind. */
public class CancelledException extends DclustException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("the run was cancelled");
    }
}
