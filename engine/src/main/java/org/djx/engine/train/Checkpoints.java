package org.djx.engine.train;

import org.djx.engine.model.Network;

/**
 * Where one fit keeps its checkpoints: the trainer saves its state after every epoch that is due and when training
 * ends, and a fit that starts again takes the last one saved and goes on from there.
 */
public interface Checkpoints {
    /**
     * Returns the state the fit saved last, read for {@code network}, or null when it saved none and starts afresh.
     *
     * @throws org.djx.api.DataException if a checkpoint is there but cannot be read, or does not fit the network
     */
    TrainerState last(Network network);

    /** Returns whether a checkpoint is due after epoch {@code epoch} (from 1) of a fit that goes on. */
    boolean due(int epoch);

    /** Saves {@code state} in place of the last one, atomically: an interrupted save leaves the last one as it was. */
    void save(TrainerState state);

    /** Returns where the checkpoints are kept (the file), for messages. */
    String where();
}
