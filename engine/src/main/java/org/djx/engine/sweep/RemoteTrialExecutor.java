package org.djx.engine.sweep;

/** A {@link TrialExecutor} on other machines or JVMs, with the room it has and a connection to close. */
public interface RemoteTrialExecutor extends TrialExecutor, AutoCloseable {
    /** Returns how many runs it can run at once (a cluster's cores), which a sweep takes as its number of threads. */
    int parallelism();

    /** Disconnects, stopping whatever it started; runs in progress are abandoned. */
    @Override
    void close();
}
