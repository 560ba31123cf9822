package org.djx.engine.experiment;

import java.util.Objects;
import org.djx.engine.json.JsonDocument;

/**
 * An experiment file, parsed once and checked: every plugin exists, every value has the declared type
 * and bounds, and the sections fit the task.
 *
 * @param file        the file as the user named it
 * @param name        the experiment's name; the file name without {@code .json} unless set
 * @param description what the experiment shows; may be empty
 * @param seed        the root of every random stream of the run
 * @param model       the network, or null for a task without a {@code model} section
 * @param task        what the experiment does, with the sections it uses
 * @param expectations the bands the results must fall in; empty when the file declares none
 * @param resolved    the experiment as JSON with every default filled in, for the run folder
 * @param source      the parsed file, to place messages about values that only fail together
 */
public record Experiment(
        String file,
        String name,
        String description,
        long seed,
        ModelSpec model,
        TaskSpec task,
        java.util.List<Expectation> expectations,
        String resolved,
        JsonDocument source) {
    public Experiment {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(resolved, "resolved");
        Objects.requireNonNull(source, "source");
        expectations = java.util.List.copyOf(expectations);
        if (task.kind().sections().contains("model") && model == null) {
            throw new IllegalArgumentException("task " + task.kind().label() + " needs a model");
        }
    }

    /** Returns every plugin the experiment uses, each once, in the order the file names them. */
    public java.util.List<org.djx.engine.plugin.PluginDescriptor> plugins() {
        java.util.Set<org.djx.engine.plugin.PluginDescriptor> used = new java.util.LinkedHashSet<>();
        java.util.function.Consumer<ModelSpec> addModel = m -> {
            used.add(m.init().plugin());
            for (LayerSpec l : m.layers()) {
                used.add(l.layer().plugin());
                if (l.init() != null) {
                    used.add(l.init().plugin());
                }
            }
        };
        if (model != null) {
            addModel.accept(model);
        }
        if (task instanceof TrainSpec t) {
            used.add(t.loss().plugin());
            used.add(t.optimizer().plugin());
        } else if (task instanceof TabularSpec t) {
            used.add(t.dataset().plugin());
            used.add(t.loss().plugin());
            used.add(t.optimizer().plugin());
        } else if (task instanceof DepthSpec d) {
            d.variants().forEach(v -> addModel.accept(v.model()));
        } else if (task instanceof CovariateShiftSpec c) {
            used.add(c.loss().plugin());
            used.add(c.optimizer().plugin());
            addClassifier(used, c.classifier(), addModel);
        } else if (task instanceof AdversarialValidationSpec a) {
            used.add(a.dataset().plugin());
            used.add(a.regression().loss().plugin());
            used.add(a.regression().optimizer().plugin());
            addClassifier(used, a.classifier(), addModel);
        } else if (task instanceof ConceptShiftSpec c) {
            used.add(c.loss().plugin());
            used.add(c.optimizer().plugin());
        }
        return java.util.List.copyOf(used);
    }

    private static void addClassifier(java.util.Set<org.djx.engine.plugin.PluginDescriptor> used, ClassifierSpec c,
            java.util.function.Consumer<ModelSpec> addModel) {
        addModel.accept(c.model());
        used.add(c.loss().plugin());
        used.add(c.optimizer().plugin());
    }
}
