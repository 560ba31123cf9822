package org.djx.engine.experiment;

import java.util.Objects;
import org.djx.engine.json.JsonDocument;

/**
 * An experiment file, parsed once and checked: every plugin exists, every value has the declared type
 * and bounds, and the sections fit the task. Sections the task does not use are null.
 *
 * @param file        the file as the user named it
 * @param name        the experiment's name; the file name without {@code .json} unless set
 * @param description what the experiment shows; may be empty
 * @param seed        the root of every random stream of the run
 * @param task        what the experiment does
 * @param model       the network
 * @param data        the examples
 * @param loss        the loss to train with, or null
 * @param optimizer   the optimizer to train with, or null
 * @param training    the training schedule, or null
 * @param source      the parsed file, to place messages about values that only fail together
 */
public record Experiment(
        String file,
        String name,
        String description,
        long seed,
        TaskKind task,
        ModelSpec model,
        DataSpec data,
        ComponentSpec loss,
        ComponentSpec optimizer,
        TrainingSpec training,
        JsonDocument source) {
    public Experiment {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(source, "source");
    }
}
