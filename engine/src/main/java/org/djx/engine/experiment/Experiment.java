package org.djx.engine.experiment;

import org.djx.api.data.DataFile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.report.Expectation;
import org.djx.engine.spec.ComponentSpec;
import org.djx.engine.spec.ModelSpec;
import org.djx.engine.sweep.SweepPlan;
import org.djx.engine.task.Bound;
import org.djx.engine.task.Job;
import org.djx.engine.task.ResultNames;
import org.djx.engine.task.Task;

/**
 * An experiment file, parsed once and checked: every plugin exists and accepts its configuration, every
 * value has the declared type and bounds, the sections fit the task, and the networks fit their data.
 *
 * @param file         the file as the user named it
 * @param name         the experiment's name; the file name without {@code .json} unless set
 * @param description  what the experiment shows; may be empty
 * @param seed         the root of every random stream of the run
 * @param task         what the experiment does
 * @param job          the task, read from the file and ready to run
 * @param model        the {@code model} section, or null for a task without one
 * @param sections     every section of the task, bound, by name
 * @param components   every plugin the file uses, with its configuration, in the order the file names them
 * @param expectations the bands the results must fall in; empty when the file declares none
 * @param dataFiles    the data-hub files the file declares in its {@code data-hub} section; empty when none
 * @param resolved     the experiment as JSON with every default filled in, for the run folder
 * @param source       the parsed file, to place messages about values that only fail together
 * @param sweep        the runs of a file with a {@code sweep} section, each checked; null for a single run. Then
 *                     the other fields describe the file without its sweep (the experiment each run varies), and
 *                     the expectations are on the sweep's results
 */
public record Experiment(String file, String name, String description, long seed, Task task, Job job, ModelSpec model,
        Map<String, Bound> sections, List<ComponentSpec> components, List<Expectation> expectations, List<DataFile> dataFiles, String resolved, JsonDocument source,
        SweepPlan sweep) {
    public Experiment {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(resolved, "resolved");
        Objects.requireNonNull(source, "source");
        sections = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sections));
        components = List.copyOf(components);
        expectations = List.copyOf(expectations);
        dataFiles = List.copyOf(dataFiles);
    }

    /** Returns the names of the results a run of this file reports: the sweep's for a sweep, else the task's. */
    public ResultNames results() {
        return sweep != null ? sweep.results() : job.results();
    }

    /** Returns every plugin the experiment uses, each once, in the order the file names them. */
    public List<PluginDescriptor> plugins() {
        LinkedHashSet<PluginDescriptor> used = new LinkedHashSet<>();
        components.forEach(c -> used.add(c.plugin()));
        return List.copyOf(used);
    }
}
