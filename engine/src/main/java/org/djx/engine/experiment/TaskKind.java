package org.djx.engine.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** What an experiment does, and which top-level sections of the file that needs. */
public enum TaskKind {
    /** Runs one forward pass over the given inputs and prints the outputs of the named layers. */
    FORWARD("forward", Set.of("model", "data")),
    /** Trains the network on the given inputs and targets with a loss and an optimizer. */
    TRAIN("train", Set.of("model", "data", "loss", "optimizer", "training")),
    /** Evaluates a one-input network and its gradient over a grid of x values (D2L 4.8's sigmoid plot). */
    GRADIENT_CURVE("gradient-curve", Set.of("model", "curve")),
    /** Multiplies random Gaussian matrices and tracks how the product grows (D2L 4.8's explosion). */
    MATRIX_PRODUCT("matrix-product", Set.of("product")),
    /** Measures activation and gradient spread through deep stacks under several initializers. */
    DEPTH_STATISTICS("depth-statistics", Set.of("stack")),
    /** Trains on a tabular dataset with k-fold cross-validation (D2L 4.10). */
    K_FOLD("k-fold", Set.of("dataset", "preprocessing", "model", "loss", "optimizer", "training", "validation")),
    /** Trains on every training row of a tabular dataset and predicts its test rows into submission.csv. */
    SUBMISSION("submission", Set.of("dataset", "preprocessing", "model", "loss", "optimizer", "training")),
    /**
     * Detects a generated covariate shift with a classifier and corrects for it with importance weights,
     * comparing the test error of unweighted and weighted fits (D2L 4.9).
     */
    COVARIATE_SHIFT("covariate-shift", Set.of("shift", "classifier", "model", "loss", "optimizer", "training")),
    /**
     * Tells a tabular dataset's training rows from its test rows (the AUC, the most separating features) and
     * cross-validates the regression with and without importance weights (D2L 4.9 on D2L 4.10's data).
     */
    ADVERSARIAL_VALIDATION("adversarial-validation", Set.of("dataset", "preprocessing", "classifier", "model", "loss",
            "optimizer", "training", "validation")),
    /** Trains on a generated problem whose label rule changes with a region, with and without the region (D2L 4.9). */
    CONCEPT_SHIFT("concept-shift", Set.of("concept", "model", "optimizer", "training"));

    private final String label;
    private final Set<String> sections;

    TaskKind(String label, Set<String> sections) {
        this.label = label;
        this.sections = sections;
    }

    /** Returns the name experiment files use, such as {@code forward}. */
    public String label() {
        return label;
    }

    /** Returns the top-level sections this task requires; every other section is an error. */
    public Set<String> sections() {
        return sections;
    }

    /** Returns every task name, for messages and the schema. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(TaskKind::label).toList();
    }

    /** Returns every section any task uses. */
    static List<String> allSections() {
        return List.of("dataset", "preprocessing", "model", "data", "loss", "optimizer", "training", "validation",
                "curve", "product", "stack", "shift", "classifier", "concept");
    }

    static TaskKind byLabel(String label) {
        for (TaskKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no task " + label);
    }
}
