package org.djx.engine.metric;

import java.util.Arrays;
import java.util.List;
import org.djx.api.Tensor;

/** The quality measures a tabular run reports after each epoch. */
public enum Metric {
    /**
     * D2L's Kaggle measure: the root mean squared error of the logarithms, with predictions clamped to
     * [1, inf) first so that the logarithm is defined.
     */
    LOG_RMSE("log-rmse") {
        @Override
        double term(double prediction, double target) {
            double d = Math.log(Math.max(prediction, 1)) - Math.log(target);
            return d * d;
        }
    },
    /** The root mean squared error. */
    RMSE("rmse") {
        @Override
        double term(double prediction, double target) {
            return (prediction - target) * (prediction - target);
        }
    };

    private final String label;

    Metric(String label) {
        this.label = label;
    }

    /** Returns the name experiment files use. */
    public String label() {
        return label;
    }

    /** Returns every metric name. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(Metric::label).toList();
    }

    /** Returns the metric called {@code label}. */
    public static Metric byLabel(String label) {
        for (Metric m : values()) {
            if (m.label.equals(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no metric " + label);
    }

    abstract double term(double prediction, double target);

    /** Returns the metric of {@code predictions} against {@code targets}: sqrt(mean(term)). */
    public double compute(Tensor predictions, Tensor targets) {
        return compute(predictions, targets, null);
    }

    /**
     * Returns the weighted metric of {@code predictions} against {@code targets}:
     * sqrt(sum(w_i * term_i) / sum(w_i)), which is sqrt(mean(term)) when {@code weights} is null. With
     * importance weights of training rows it estimates the metric on the test distribution.
     *
     * @param weights one weight >= 0 per prediction, not all 0; or null for equal weights
     */
    public double compute(Tensor predictions, Tensor targets, Tensor weights) {
        if (predictions.size() != targets.size()) {
            throw new IllegalArgumentException(predictions.shape() + " predictions for " + targets.shape() + " targets");
        }
        int n = predictions.size();
        if (weights != null && weights.size() != n) {
            throw new IllegalArgumentException(weights.shape() + " weights for " + predictions.shape() + " predictions");
        }
        double sum = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1 : weights.get(i);
            sum += w * term(predictions.get(i), targets.get(i));
            total += w;
        }
        return Math.sqrt(sum / total);
    }
}
