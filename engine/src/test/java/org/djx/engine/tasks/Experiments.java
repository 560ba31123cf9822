package org.djx.engine.tasks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.djx.api.Tensor;
import org.djx.api.data.DataContext;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.plugin.PluginRegistry;
import org.djx.engine.report.RunOutput;
import org.djx.engine.report.RunResult;
import org.djx.engine.run.ExperimentRunner;
import org.djx.engine.spec.ComponentSpec;
import org.djx.engine.spec.TrainingSpec;
import org.djx.engine.tensor.CpuKernels;

/** Reads and runs experiments in tests with the built-in plugins and tasks, and opens their sections. */
public final class Experiments {
    /** The plugins on the test class path. */
    public static final PluginRegistry PLUGINS = PluginLoader.load(List.of());

    /** A data context for experiments that load no dataset: asking it for a file is a mistake in the test. */
    public static final DataContext NO_DATA = new DataContext() {
        @Override
        public Path fetch(String name) {
            throw new IllegalStateException("this test's experiments load no data, yet '" + name + "' was fetched");
        }

        @Override
        public Path extract(String name) {
            throw new IllegalStateException("this test's experiments load no data, yet '" + name + "' was extracted");
        }
    };

    private Experiments() {
    }

    /** Returns a reader with the plugins on the class path and the built-in tasks. */
    public static ExperimentReader reader() {
        return new ExperimentReader(PLUGINS, BuiltInTasks.registry());
    }

    /** Reads {@code json} as the file {@code fileName}. */
    public static Experiment read(String fileName, String json) {
        return reader().read(JsonDocument.parse(fileName, json.getBytes(StandardCharsets.UTF_8)), Path.of(fileName));
    }

    /** Returns a runner that computes on fresh CPU kernels and reports to {@code out}. */
    public static ExperimentRunner runner(RunOutput out) {
        return new ExperimentRunner(CpuKernels::new, out);
    }

    /** Runs the experiment, writing no files and printing nothing. */
    public static RunResult run(Experiment experiment) {
        return runner(line -> { }).run(experiment);
    }

    /** Returns the first plugin of {@code kind} the experiment names. */
    public static ComponentSpec component(Experiment experiment, PluginKind kind) {
        return experiment.components().stream().filter(c -> c.plugin().kind() == kind).findFirst().orElseThrow();
    }

    /** Returns the experiment's top-level training section as the tasks read it. */
    public static TrainingSpec training(Experiment experiment) {
        return Sections.training(experiment.sections().get("training"));
    }

    /** Returns matrix {@code key} of section {@code section}, such as the data's inputs. */
    public static Tensor matrix(Experiment experiment, String section, String key) {
        return Tensor.matrix(experiment.sections().get(section).config().matrix(key));
    }
}
