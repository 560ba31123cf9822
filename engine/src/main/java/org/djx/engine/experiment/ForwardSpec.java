package org.djx.engine.experiment;

import java.util.Objects;

/**
 * A forward pass over inline examples.
 *
 * @param data the examples (no targets)
 */
public record ForwardSpec(DataSpec data) implements TaskSpec {
    public ForwardSpec {
        Objects.requireNonNull(data, "data");
    }

    @Override
    public TaskKind kind() {
        return TaskKind.FORWARD;
    }
}
