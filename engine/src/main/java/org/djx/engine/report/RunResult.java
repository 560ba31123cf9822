package org.djx.engine.report;

import java.util.LinkedHashMap;
import java.util.List;
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
    private final Map<String, Double> metrics;
    private final String divergence;
    private final List<Expectations.Outcome> expectations;

    private RunResult(RunResult r, List<Expectations.Outcome> expectations) {
        this.experiment = r.experiment;
        this.outputs = r.outputs;
        this.training = r.training;
        this.firstStep = r.firstStep;
        this.metrics = r.metrics;
        this.divergence = r.divergence;
        this.expectations = List.copyOf(expectations);
    }

    private RunResult(Builder b) {
        this.experiment = b.experiment;
        this.outputs = copy(b.outputs);
        this.training = b.training;
        this.firstStep = copy(b.firstStep);
        this.metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.metrics));
        this.divergence = b.divergence != null ? b.divergence
                : b.training != null && b.training.reason() == org.djx.engine.train.StopReason.DIVERGED
                        ? "the loss became " + b.training.loss(b.training.epochs()) + " in epoch " + b.training.epochs()
                        : null;
        this.expectations = List.of();
    }

    /** Returns this result with the verdicts on the experiment's expectations. */
    public RunResult withExpectations(List<Expectations.Outcome> outcomes) {
        return new RunResult(this, outcomes);
    }

    /** Returns how each declared expectation fared; empty when the experiment declares none. */
    public List<Expectations.Outcome> expectations() {
        return expectations;
    }

    /** Returns whether every declared expectation held (true when there are none). */
    public boolean expectationsHeld() {
        return expectations.stream().allMatch(Expectations.Outcome::held);
    }

    /** Returns whether a training run of the experiment diverged (its loss became NaN or infinite). */
    public boolean diverged() {
        return divergence != null;
    }

    /** Returns what diverged and how, as the run reported it; empty unless {@link #diverged()}. */
    public String divergence() {
        return divergence == null ? "" : divergence;
    }

    public static Builder builder(String experiment) {
        return new Builder(experiment);
    }

    /** Returns the experiment's name. */
    public String experiment() {
        return experiment;
    }

    /** Returns a copy of the reported layer outputs by label, in network order; empty if none. */
    public Map<String, Tensor> outputs() {
        return copy(outputs);
    }

    /** Returns the training outcome, or null for a task that does not train. */
    public TrainingResult training() {
        return training;
    }

    /**
     * Returns a copy of the first training step's trace, in D2L's notation ({@code delta(3)},
     * {@code dLoss/dW(2)}, {@code W(2) updated}, ...); empty unless the training section asked for it.
     */
    public Map<String, Tensor> firstStep() {
        return copy(firstStep);
    }

    /** Returns the run's named scalar results, such as {@code max-gradient}; empty if none. */
    public Map<String, Double> metrics() {
        return metrics;
    }

    /** Returns metric {@code name}. @throws IllegalArgumentException if the run has no such metric */
    public double metric(String name) {
        Double v = metrics.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no metric '" + name + "'; the run has " + metrics.keySet());
        }
        return v;
    }

    private static Map<String, Tensor> copy(Map<String, Tensor> tensors) {
        Map<String, Tensor> copy = new LinkedHashMap<>();
        tensors.forEach((k, v) -> copy.put(k, v.copy()));
        return copy;
    }

    /** Collects a run's results as a task computes them. */
    public static final class Builder {
        private final String experiment;
        private Map<String, Tensor> outputs = Map.of();
        private TrainingResult training;
        private Map<String, Tensor> firstStep = Map.of();
        private final Map<String, Double> metrics = new LinkedHashMap<>();
        private String divergence;

        private Builder(String experiment) {
            this.experiment = Objects.requireNonNull(experiment, "experiment");
        }

        public Builder outputs(Map<String, Tensor> outputs) {
            this.outputs = outputs;
            return this;
        }

        public Builder training(TrainingResult training) {
            this.training = training;
            return this;
        }

        public Builder firstStep(Map<String, Tensor> firstStep) {
            this.firstStep = firstStep;
            return this;
        }

        public Builder metric(String name, double value) {
            metrics.put(name, value);
            return this;
        }

        /** Marks the run DIVERGED; {@code why} is the line that reported it. */
        public Builder diverged(String why) {
            this.divergence = Objects.requireNonNull(why, "why");
            return this;
        }

        public RunResult build() {
            return new RunResult(this);
        }
    }
}
