package org.djx.engine.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.djx.api.Tensor;
import org.djx.engine.train.TrainingResult;

/**
 * What a run computed, for callers that want the numbers rather than the printed lines.
 */
public final class RunResult {
    private final String experiment;
    private final Map<String, Tensor> outputs;
    private final TrainingResult training;

    RunResult(String experiment, Map<String, Tensor> outputs, TrainingResult training) {
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        Map<String, Tensor> copy = new LinkedHashMap<>();
        outputs.forEach((k, v) -> copy.put(k, v.copy()));
        this.outputs = copy;
        this.training = training;
    }

    /** Returns the experiment's name. */
    public String experiment() {
        return experiment;
    }

    /** Returns a copy of the reported layer outputs by label, in network order. */
    public Map<String, Tensor> outputs() {
        Map<String, Tensor> copy = new LinkedHashMap<>();
        outputs.forEach((k, v) -> copy.put(k, v.copy()));
        return copy;
    }

    /** Returns the training outcome, or null for a task that does not train. */
    public TrainingResult training() {
        return training;
    }
}
