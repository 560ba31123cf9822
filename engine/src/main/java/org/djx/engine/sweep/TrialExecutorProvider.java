package org.djx.engine.sweep;

/**
 * A place other than this JVM where a sweep's runs can happen, such as a Spark cluster, chosen by name with
 * {@code djx run --executor NAME}. Providers are found with {@link java.util.ServiceLoader} among the jars on the class
 * path, so that the engine never names the system they run on (module {@code djx-spark} provides {@code spark}).
 */
public interface TrialExecutorProvider {
    /** Returns the name {@code --executor} takes, such as {@code spark}. */
    String name();

    /**
     * Connects to {@code master} and returns an executor ready to run trials, which the caller closes once the sweep
     * is over.
     *
     * @param master where to connect, such as {@code local[2]} or {@code spark://host:7077}; null for the system's own
     *               setting
     * @throws org.djx.api.ConfigurationException if it cannot connect, saying why
     */
    RemoteTrialExecutor start(String master);
}
