package org.djx.engine.fit;

import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.engine.train.KFold;

/** D2L's k-fold split of a table's rows (and of their weights) into the parts of each fold; {@link Trials} runs the folds. */
public final class CrossValidation {
    private CrossValidation() {
    }

    /** One fold's rows: the training part and the validation part of inputs, targets and (optional) weights. */
    public record FoldData(int fold, Tensor trainX, Tensor trainY, Tensor trainWeights, Tensor validX, Tensor validY,
            Tensor validWeights) {
    }

    /** Returns fold {@code fold} (from 0) of D2L's k-fold split of the rows, with the matching weights, if any. */
    public static FoldData split(Tensor x, Tensor y, Tensor weights, int k, int fold) {
        return split(x, y, weights, KFold.split(x.rows(), k, fold), fold);
    }

    /** Returns the rows of {@code split}, fold {@code fold} (from 0), with the matching weights, if any. */
    public static FoldData split(Tensor x, Tensor y, Tensor weights, KFold.Split split, int fold) {
        return new FoldData(fold, rows(x, split.train()), rows(y, split.train()),
                weights == null ? null : rows(weights, split.train()), rows(x, split.valid()), rows(y, split.valid()),
                weights == null ? null : rows(weights, split.valid()));
    }

    /** Returns the rows {@code indices} of a float64 matrix or vector, as a matrix. */
    public static Tensor rows(Tensor source, int[] indices) {
        int columns = source.columns();
        double[] all = source.data();
        double[] data = new double[indices.length * columns];
        for (int r = 0; r < indices.length; r++) {
            System.arraycopy(all, indices[r] * columns, data, r * columns, columns);
        }
        return Tensor.wrap(Shape.of(indices.length, columns), data);
    }
}
