package org.djx.engine.metric;

import org.djx.api.Tensor;

/**
 * How a classifier's outputs become class probabilities and a predicted class. One output per class is read
 * through the softmax; a single output is the logit of the second class (as bce-with-logits trains it), read
 * through the sigmoid, so its probabilities are [1 - p, p].
 */
public final class ClassScores {
    private ClassScores() {
    }

    /**
     * Writes the class probabilities of {@code outputs} ([rows, K] logits, or [rows, 1] for two classes) into
     * {@code probabilities} ([rows, K], float64) and returns it.
     */
    public static Tensor probabilities(Tensor outputs, Tensor probabilities) {
        int rows = outputs.rows();
        int k = probabilities.columns();
        if (outputs.columns() == 1) {
            if (k != 2) {
                throw new IllegalArgumentException("one output scores two classes, not " + k);
            }
            for (int r = 0; r < rows; r++) {
                double p = sigmoid(outputs.get(r));
                probabilities.set(2 * r, 1 - p);
                probabilities.set(2 * r + 1, p);
            }
            return probabilities;
        }
        if (outputs.columns() != k) {
            throw new IllegalArgumentException(outputs.columns() + " outputs for " + k + " classes");
        }
        for (int r = 0; r < rows; r++) {
            int at = r * k;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, outputs.get(at + c));
            }
            // Subtracting the largest logit keeps every exponential at most 1.
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double e = Math.exp(outputs.get(at + c) - max);
                probabilities.set(at + c, e);
                sum += e;
            }
            for (int c = 0; c < k; c++) {
                probabilities.set(at + c, probabilities.get(at + c) / sum);
            }
        }
        return probabilities;
    }

    /** Returns the most probable class of row {@code row} (the column of its largest value); the lowest index among equals. */
    public static int predicted(Tensor probabilities, int row) {
        int k = probabilities.columns();
        int best = 0;
        double top = probabilities.get(row * k);
        for (int c = 1; c < k; c++) {
            double p = probabilities.get(row * k + c);
            if (p > top) {
                top = p;
                best = c;
            }
        }
        return best;
    }

    private static double sigmoid(double z) {
        // Two forms, so that exp never overflows.
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
