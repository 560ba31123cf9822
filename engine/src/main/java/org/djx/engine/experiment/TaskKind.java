package org.djx.engine.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** What an experiment does with its network, and which sections of the file that needs. */
public enum TaskKind {
    /** Runs one forward pass over the given inputs and prints the outputs of the named layers. */
    FORWARD("forward", Set.of("model", "data")),
    /** Trains the network on the given inputs and targets with a loss and an optimizer. */
    TRAIN("train", Set.of("model", "data", "loss", "optimizer", "training"));

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

    static TaskKind byLabel(String label) {
        for (TaskKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no task " + label);
    }
}
