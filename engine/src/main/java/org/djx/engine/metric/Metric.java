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
        if (predictions.size() != targets.size()) {
            throw new IllegalArgumentException(predictions.shape() + " predictions for " + targets.shape() + " targets");
        }
        double sum = 0;
        int n = predictions.size();
        for (int i = 0; i < n; i++) {
            sum += term(predictions.get(i), targets.get(i));
        }
        return Math.sqrt(sum / n);
    }
}
