package org.djx.engine.tabular;

import org.djx.api.Shape;
import org.djx.api.Tensor;

/**
 * What a classifier trains on: the rows' classes as one-hot rows, one column per class (softmax-cross-entropy),
 * or, for two classes and a network with one output, one column that is 1 for the second class
 * (bce-with-logits).
 */
public final class ClassTargets {
    private ClassTargets() {
    }

    /**
     * Returns the training targets of {@code classes} (one column of class indices) for a network with
     * {@code outputs} outputs: {@code k} one-hot columns, or one 0/1 column when there are two classes and one output.
     */
    public static Tensor encode(Tensor classes, int k, int outputs) {
        int rows = classes.rows();
        if (outputs == 1 && k == 2) {
            double[] y = new double[rows];
            for (int r = 0; r < rows; r++) {
                y[r] = classes.get(r);
            }
            return Tensor.wrap(Shape.of(rows, 1), y);
        }
        if (outputs != k) {
            throw new IllegalArgumentException(outputs + " outputs for " + k + " classes");
        }
        double[] y = new double[rows * k];
        for (int r = 0; r < rows; r++) {
            y[r * k + (int) classes.get(r)] = 1;
        }
        return Tensor.wrap(Shape.of(rows, k), y);
    }
}
