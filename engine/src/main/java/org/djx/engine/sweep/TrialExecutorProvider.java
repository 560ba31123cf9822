package org.djx.engine.sweep;

import java.nio.file.Path;
import java.util.List;
import org.djx.engine.data.DataCache;

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
     * @param master        where to connect, such as {@code local[2]} or {@code spark://host:7077}; null for the
     *                      system's own setting
     * @param cache         the data cache this process uses, which runs on this machine use as well
     * @param pluginFolders the plugin folders this process loads, which runs on this machine load as well
     * @throws org.djx.api.ConfigurationException if it cannot connect, saying why
     */
    RemoteTrialExecutor start(String master, DataCache cache, List<Path> pluginFolders);
}
