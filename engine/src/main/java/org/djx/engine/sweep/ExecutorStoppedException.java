package org.djx.engine.sweep;

import org.djx.api.DjxException;

/**
 * Thrown by a {@link TrialExecutor} that can run nothing more (a cluster's connection shut down, as Ctrl-C does): the
 * sweep stops there, as an interrupted one does, rather than recording its remaining runs as failed.
 */
public final class ExecutorStoppedException extends DjxException {
    private static final long serialVersionUID = 1L;

    public ExecutorStoppedException(String message) {
        super(message);
    }
}
