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
    private final Map<String, Tensor> firstStep;

    RunResult(String experiment, Map<String, Tensor> outputs, TrainingResult training, Map<String, Tensor> firstStep) {
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        this.outputs = copy(outputs);
        this.training = training;
        this.firstStep = copy(firstStep);
    }

    private static Map<String, Tensor> copy(Map<String, Tensor> tensors) {
        Map<String, Tensor> copy = new LinkedHashMap<>();
        tensors.forEach((k, v) -> copy.put(k, v.copy()));
        return copy;
    }

    /** Returns the experiment's name. */
    public String experiment() {
        return experiment;
    }

    /** Returns a copy of the reported layer outputs by label, in network order. */
    public Map<String, Tensor> outputs() {
        return copy(outputs);
    }

    /**
     * Returns a copy of the first training step's trace, in D2L's notation ({@code delta(3)},
     * {@code dLoss/dW(2)}, {@code W(2) updated}, ...); empty unless the training section asked for it.
     */
    public Map<String, Tensor> firstStep() {
        return copy(firstStep);
    }

    /** Returns the training outcome, or null for a task that does not train. */
    public TrainingResult training() {
        return training;
    }
}
