package org.djx.engine.metric;

import java.util.Arrays;
import java.util.List;
import org.djx.api.Tensor;

/**
 * The quality measures a tabular run reports after each epoch. A regression's metrics compare predicted numbers
 * with targets; a classification's compare class probabilities (one row per example, one column per class, each
 * row summing to 1) with the true classes (one column of class indices 0 .. K-1).
 */
public enum Metric {
    /**
     * D2L's Kaggle measure: the root mean squared error of the logarithms, with predictions clamped to
     * [1, inf) first so that the logarithm is defined.
     */
    LOG_RMSE("log-rmse", false) {
        @Override
        double term(double prediction, double target) {
            double d = Math.log(Math.max(prediction, 1)) - Math.log(target);
            return d * d;
        }
    },
    /** The root mean squared error. */
    RMSE("rmse", false) {
        @Override
        double term(double prediction, double target) {
            return (prediction - target) * (prediction - target);
        }
    },
    /** The share of examples whose most probable class is the true one; ties go to the lowest class index. */
    ACCURACY("accuracy", true) {
        @Override
        double classification(Tensor probabilities, Tensor classes) {
            int correct = 0;
            for (int r = 0; r < classes.rows(); r++) {
                correct += ClassScores.predicted(probabilities, r) == (int) classes.get(r) ? 1 : 0;
            }
            return (double) correct / classes.rows();
        }
    },
    /**
     * The mean negative log probability of the true class (cross-entropy), with probabilities clipped to
     * [1e-15, 1 - 1e-15] as scikit-learn's log_loss clipped them before version 1.3, so one confident mistake is large but finite.
     */
    LOG_LOSS("log-loss", true) {
        @Override
        double classification(Tensor probabilities, Tensor classes) {
            double sum = 0;
            for (int r = 0; r < classes.rows(); r++) {
                double p = probabilities.get(r * probabilities.columns() + (int) classes.get(r));
                sum -= Math.log(Math.min(Math.max(p, 1e-15), 1 - 1e-15));
            }
            return sum / classes.rows();
        }
    },
    /**
     * The area under the ROC curve of the probability of the second class, the positive one, for two classes:
     * the chance that a random positive example scores above a random negative one, ties counting one half.
     * NaN when the examples hold only one class.
     */
    AUC("auc", true) {
        @Override
        double classification(Tensor probabilities, Tensor classes) {
            if (probabilities.columns() != 2) {
                throw new IllegalArgumentException("auc scores two classes; these examples have " + probabilities.columns());
            }
            int positives = 0;
            for (int r = 0; r < classes.rows(); r++) {
                positives += (int) classes.get(r);
            }
            int negatives = classes.rows() - positives;
            if (positives == 0 || negatives == 0) {
                return Double.NaN;
            }
            double[] pos = new double[positives];
            double[] neg = new double[negatives];
            for (int r = 0, i = 0, j = 0; r < classes.rows(); r++) {
                double score = probabilities.get(2 * r + 1);
                if ((int) classes.get(r) == 1) {
                    pos[i++] = score;
                } else {
                    neg[j++] = score;
                }
            }
            return Auc.of(pos, neg).value();
        }
    },
    /**
     * The unweighted mean over classes of each class's F1 score (the harmonic mean of its precision and recall);
     * a class that is neither present nor predicted is left out, one that is present or predicted but never
     * right scores 0, as in scikit-learn's f1_score with average="macro" over the classes that occur.
     */
    MACRO_F1("macro-f1", true) {
        @Override
        double classification(Tensor probabilities, Tensor classes) {
            int k = probabilities.columns();
            int[] truePositives = new int[k];
            int[] predicted = new int[k];
            int[] actual = new int[k];
            for (int r = 0; r < classes.rows(); r++) {
                int truth = (int) classes.get(r);
                int guess = ClassScores.predicted(probabilities, r);
                actual[truth]++;
                predicted[guess]++;
                truePositives[truth] += truth == guess ? 1 : 0;
            }
            double sum = 0;
            int counted = 0;
            for (int c = 0; c < k; c++) {
                if (actual[c] + predicted[c] == 0) {
                    continue;
                }
                sum += 2.0 * truePositives[c] / (actual[c] + predicted[c]);
                counted++;
            }
            return sum / counted;
        }
    };

    private final String label;
    private final boolean classification;

    /** @param classification whether it scores classes (and overrides classification()) or numbers (term()) */
    Metric(String label, boolean classification) {
        this.label = label;
        this.classification = classification;
    }

    /** Returns the name experiment files use. */
    public String label() {
        return label;
    }

    /** Returns whether this metric scores class probabilities rather than numbers. */
    public boolean isClassification() {
        return classification;
    }

    /** Returns whether a larger value is better (accuracy) rather than a smaller one (an error). */
    public boolean higherIsBetter() {
        return this == ACCURACY || this == AUC || this == MACRO_F1;
    }

    /** Returns the names of the metrics of a regression, or of a classification. */
    public static List<String> labels(boolean classification) {
        return Arrays.stream(values()).filter(m -> m.isClassification() == classification).map(Metric::label).toList();
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

    /** Returns a regression metric's term for one example; the metric is sqrt(mean(term)). */
    double term(double prediction, double target) {
        throw new UnsupportedOperationException(label + " scores classes, not numbers");
    }

    /** Returns a classification metric of the probabilities against the classes. */
    double classification(Tensor probabilities, Tensor classes) {
        throw new UnsupportedOperationException(label + " scores numbers, not classes");
    }

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
        if (isClassification()) {
            if (weights != null) {
                throw new IllegalArgumentException(label + " takes no weights");
            }
            if (predictions.rows() != targets.rows() || targets.columns() != 1) {
                throw new IllegalArgumentException(predictions.shape() + " probabilities for " + targets.shape() + " classes");
            }
            return classification(predictions, targets);
        }
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
