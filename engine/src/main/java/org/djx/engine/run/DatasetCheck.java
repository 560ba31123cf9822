package org.djx.engine.run;

import org.djx.api.DjxException;
import org.djx.api.data.Dataset;
import org.djx.api.spi.DatasetSource;
import org.djx.engine.data.CachedData;
import org.djx.engine.data.DataHub;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.plugin.Plugins;
import org.djx.engine.task.Bound;

/**
 * Opens an experiment's dataset the way a run would, without downloading anything, so that {@code djx validate}
 * finds a missing local file, a malformed table, a column the configuration names wrongly, or a model that does
 * not fit the data's classes before a run starts.
 */
public final class DatasetCheck {
    private DatasetCheck() {
    }

    /**
     * Loads the experiment's dataset, if it has one, from local files and the cache.
     *
     * @param hub the hub of the installed plugins; the experiment's own data-hub files are added to it
     * @return null when the data was read, or there is none; else why it could not be read without a download
     * @throws DjxException what is wrong with the data or with how the experiment names it
     */
    public static String check(Experiment experiment, DataHub hub) {
        Bound section = experiment.sections().get("dataset");
        if (section == null) {
            return null;
        }
        var source = section.component();
        ExperimentData data = ExperimentData.of(new CachedData(ExperimentData.declaring(hub, experiment.dataFiles())),
                java.util.List.of(), ExperimentRunner.folderOf(experiment));
        try {
            Dataset dataset = Plugins.call(source.plugin(), () -> ((DatasetSource) source.plugin().plugin()).load(source.config(), data));
            if (dataset == null) {
                throw new org.djx.api.PluginException("dataset plugin '" + source.type() + "' (" + source.plugin().origin()
                        + ") returned no dataset from load(); a source returns its data or throws");
            }
            experiment.job().checkData(dataset);
            return null;
        } catch (DjxException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CachedData.NotCached missing) {
                    return missing.getMessage();
                }
            }
            throw e;
        }
    }
}
