package org.djx.spark;

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
 * outcome as text. The plugins are the ones on the executor's class path (spark-submit --jars); hub files are fetched
 * into the executor's own cache ({@code DJX_DATA}, or the user's cache folder) and verified there, so a file that is
 * missing or damaged fails the run with the message it gives on one machine.
 */
final class TrialTask implements Function<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String call(String request) {
        return TrialCodec.write(Executor.LOCAL.run(TrialCodec.readRequest(request)));
    }

    /** The executor JVM's one local executor, made at its first run: plugins load once per JVM. */
    private static final class Executor {
        static final LocalTrialExecutor LOCAL = create();

        private static LocalTrialExecutor create() {
            PluginRegistry plugins = PluginLoader.load(PluginLoader.parsePath(System.getenv("DJX_PLUGIN_PATH")));
            return new LocalTrialExecutor(new ExperimentReader(plugins, BuiltInTasks.registry()), CpuKernels::new,
                    DataHub.fromPlugins(plugins, DataCache.fromEnvironment(System.getenv())));
        }
    }
}
