package org.djx.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.Function;
import org.djx.engine.data.DataCache;
import org.djx.engine.data.DataHub;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.plugin.PluginRegistry;
import org.djx.engine.run.LocalTrialExecutor;
import org.djx.engine.sweep.TrialCodec;
import org.djx.engine.tasks.BuiltInTasks;
import org.djx.engine.tensor.CpuKernels;

/**
 * What an executor does with one run: reads the request, runs it as {@code djx trial} would in this JVM, and returns the
 * outcome as text. On a cluster, the plugins are those on the executor's class path (spark-submit --jars) and in its
 * {@code DJX_PLUGIN_PATH}, and hub files are fetched into the executor's own cache ({@code DJX_DATA}, or the user's
 * cache folder) and verified there, so a file that is missing or damaged fails the run with the message it gives on
 * one machine. In local mode the executor is the driver's JVM, and takes the driver's cache and plugin folders.
 */
final class TrialTask implements Function<String, String> {
    private static final long serialVersionUID = 1L;
    /** One local executor per JVM and settings: plugins load once, not once per run. */
    private static final Map<List<String>, LocalTrialExecutor> EXECUTORS = new ConcurrentHashMap<>();

    /** The cache folder and why it is the one, or nulls for the executor's own. */
    private final String cacheFolder;
    private final String cacheOrigin;
    /** The plugin folders, or null for the executor's DJX_PLUGIN_PATH. */
    private final ArrayList<String> pluginFolders;

    /** A task whose executors use their own cache and plugin folders. */
    TrialTask() {
        this(null, null, null);
    }

    TrialTask(String cacheFolder, String cacheOrigin, List<String> pluginFolders) {
        this.cacheFolder = cacheFolder;
        this.cacheOrigin = cacheOrigin;
        this.pluginFolders = pluginFolders == null ? null : new ArrayList<>(pluginFolders);
    }

    @Override
    public String call(String request) {
        List<String> settings = new ArrayList<>();
        settings.add(String.valueOf(cacheFolder));
        settings.add(String.valueOf(pluginFolders));
        return TrialCodec.write(EXECUTORS.computeIfAbsent(settings, s -> create()).run(TrialCodec.readRequest(request)));
    }

    private LocalTrialExecutor create() {
        List<Path> folders = pluginFolders == null ? PluginLoader.parsePath(System.getenv("DJX_PLUGIN_PATH"))
                : pluginFolders.stream().map(Path::of).toList();
        PluginRegistry plugins = PluginLoader.load(folders);
        DataCache cache = cacheFolder == null ? DataCache.fromEnvironment(System.getenv())
                : DataCache.at(Path.of(cacheFolder), cacheOrigin);
        return new LocalTrialExecutor(new ExperimentReader(plugins, BuiltInTasks.registry()), CpuKernels::new,
                DataHub.fromPlugins(plugins, cache));
    }
}
