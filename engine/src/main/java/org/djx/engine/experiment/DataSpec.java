package org.djx.engine.experiment;

import java.util.Objects;
import org.djx.api.Tensor;

/**
 * The {@code data} section when the examples are written inline. Accessors return copies, so the
 * parsed experiment stays immutable.
 */
public final class DataSpec {
    private final Tensor inputs;
    private final Tensor targets;

    /**
     * @param inputs  one example per row
     * @param targets one target row per example, or null for a task that needs none
     */
    public DataSpec(Tensor inputs, Tensor targets) {
        this.inputs = Objects.requireNonNull(inputs, "inputs").copy();
        this.targets = targets == null ? null : targets.copy();
    }

    public Tensor inputs() {
        return inputs.copy();
    }

    /** Returns a copy of the targets, or null when there are none. */
    public Tensor targets() {
        return targets == null ? null : targets.copy();
    }

    public boolean hasTargets() {
        return targets != null;
    }
}
