package org.djx.engine.tasks;

import org.djx.engine.spec.ModelSpec;
import org.djx.engine.task.TaskInput;

/** The tasks whose examples the file writes inline share how the model's width meets the data's. */
final class InlineData {
    private InlineData() {
    }

    /**
     * Returns the model taking {@code columns} inputs: the data decides when the model leaves
     * {@code inputs} out; otherwise the two must agree, and null comes back after saying they do not.
     */
    static ModelSpec fit(TaskInput in, ModelSpec model, int columns) {
        if (model.inputs() == ModelSpec.FROM_DATA) {
            return model.withInputs(columns);
        }
        if (model.inputs() != columns) {
            in.problem("$.data.inputs", "each example has " + columns + " values but model.inputs is " + model.inputs()
                    + "; they must agree");
            return null;
        }
        return model;
    }
}
