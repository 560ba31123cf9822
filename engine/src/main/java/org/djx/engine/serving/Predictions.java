package org.djx.engine.serving;

import java.util.List;

/**
 * What a saved model predicts for a batch of rows, in their order: for a regression one number per row on the
 * target's own scale; for a classification each row's most probable class and the probability of every class.
 */
public final class Predictions {
    private final double[] values;
    private final List<String> classes;
    private final double[][] probabilities;

    private Predictions(double[] values, List<String> classes, double[][] probabilities) {
        this.values = values;
        this.classes = classes;
        this.probabilities = probabilities;
    }

    /** Returns a regression's predictions; the array is copied. */
    public static Predictions ofValues(double[] values) {
        return new Predictions(values.clone(), List.of(), null);
    }

    /** Returns a classification's predictions: per row, the probability of each class in {@code classes} order. */
    public static Predictions ofClasses(List<String> classes, double[][] probabilities) {
        double[][] copy = new double[probabilities.length][];
        for (int r = 0; r < copy.length; r++) {
            if (probabilities[r].length != classes.size()) {
                throw new IllegalArgumentException("row " + r + " has " + probabilities[r].length + " probabilities for "
                        + classes.size() + " classes");
            }
            copy[r] = probabilities[r].clone();
        }
        return new Predictions(null, List.copyOf(classes), copy);
    }

    /** Returns the number of rows predicted. */
    public int size() {
        return values != null ? values.length : probabilities.length;
    }

    /** Returns whether these are classes rather than numbers. */
    public boolean isClassification() {
        return values == null;
    }

    /**
     * Returns the prediction for row {@code row} of a regression.
     *
     * @throws IllegalStateException for a classification
     */
    public double value(int row) {
        if (values == null) {
            throw new IllegalStateException("a classification predicts classes: use label(row) and probability(row, class)");
        }
        return values[row];
    }

    /**
     * Returns the most probable class of row {@code row}; the first in class order among equals.
     *
     * @throws IllegalStateException for a regression
     */
    public String label(int row) {
        double[] p = row(row);
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return classes.get(best);
    }

    /** Returns the probability of class {@code k} (in {@link #classes()} order) for row {@code row}. */
    public double probability(int row, int k) {
        return row(row)[k];
    }

    /** Returns the classes in the order of their probabilities; empty for a regression. */
    public List<String> classes() {
        return classes;
    }

    private double[] row(int row) {
        if (probabilities == null) {
            throw new IllegalStateException("a regression predicts numbers: use value(row)");
        }
        return probabilities[row];
    }
}
