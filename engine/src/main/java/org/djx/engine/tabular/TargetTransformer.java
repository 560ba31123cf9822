package org.djx.engine.tabular;

import java.util.Locale;
import org.djx.api.DataException;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.engine.spec.PreprocessingSpec.TargetTransform;

/**
 * A target transform fitted on the rows one model trains on: the logarithm, then standardization with those
 * rows' mean and sample standard deviation, each if asked. A model trains on the transformed targets; its
 * predictions are transformed back before any metric, so every figure is on the target's own scale.
 */
public final class TargetTransformer {
    private final TargetTransform transform;
    private final double mean;
    private final double std;

    private TargetTransformer(TargetTransform transform, double mean, double std) {
        this.transform = transform;
        this.mean = mean;
        this.std = std;
    }

    /**
     * Fits {@code transform} on {@code targets}, the targets a model will train on.
     *
     * @throws DataException if the logarithm meets a target that is not positive, or standardization a constant target
     */
    public static TargetTransformer fit(TargetTransform transform, Tensor targets) {
        requireTakes(transform, targets, "training row");
        if (!transform.standardize()) {
            return new TargetTransformer(transform, 0, 1);
        }
        int n = targets.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += logged(transform, targets.get(i));
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = logged(transform, targets.get(i)) - mean;
            squares += d * d;
        }
        double std = Math.sqrt(squares / (n - 1));
        if (!(std > 0)) {
            throw new DataException("target-transform " + transform.label() + " divides by the targets' standard deviation, but the "
                    + n + " targets a model trains on are all " + targets.get(0) + "; leave standardize out");
        }
        return new TargetTransformer(transform, mean, std);
    }

    /**
     * Refuses targets the transform cannot take, naming the first.
     *
     * @param rowNoun how the message calls a row, such as {@code training row}
     * @throws DataException if the logarithm meets a target that is not positive
     */
    public static void requireTakes(TargetTransform transform, Tensor targets, String rowNoun) {
        if (!transform.log()) {
            return;
        }
        for (int i = 0; i < targets.size(); i++) {
            if (!(targets.get(i) > 0)) {
                throw new DataException("target-transform " + transform.label() + " takes the logarithm of each target, but the target is "
                        + targets.get(i) + " in " + rowNoun + " " + (i + 1) + "; the logarithm needs targets above 0");
            }
        }
    }

    private static double logged(TargetTransform transform, double y) {
        return transform.log() ? Math.log(y) : y;
    }

    /** Returns a transform fitted earlier, such as a saved model's. */
    public static TargetTransformer of(TargetTransform transform, double mean, double std) {
        return new TargetTransformer(transform, mean, std);
    }

    /** Returns what the transform does. */
    public TargetTransform transform() {
        return transform;
    }

    /** Returns the mean it subtracts after the logarithm, if it standardizes; 0 otherwise. */
    public double mean() {
        return mean;
    }

    /** Returns the deviation it divides by, if it standardizes; 1 otherwise. */
    public double std() {
        return std;
    }

    /** Returns whether this transform changes nothing. */
    public boolean isIdentity() {
        return transform == TargetTransform.NONE;
    }

    /** Returns the transformed targets, a new float64 column; {@code targets} itself when nothing changes. */
    public Tensor forward(Tensor targets) {
        if (isIdentity()) {
            return targets;
        }
        double[] t = new double[targets.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = (logged(transform, targets.get(i)) - mean) / std;
        }
        return Tensor.wrap(Shape.of(t.length, 1), t);
    }

    /**
     * Writes the predictions transformed back into {@code out} (one float64 column of their size) and returns it;
     * returns {@code predictions} itself when nothing changes.
     */
    public Tensor inverse(Tensor predictions, Tensor out) {
        if (isIdentity()) {
            return predictions;
        }
        for (int i = 0; i < predictions.size(); i++) {
            double v = predictions.get(i) * std + mean;
            out.set(i, transform.log() ? Math.exp(v) : v);
        }
        return out;
    }

    /** Returns the predictions transformed back, in a new float64 column. */
    public Tensor inverse(Tensor predictions) {
        return inverse(predictions, Tensor.zeros(predictions.size(), 1));
    }

    /** Says what was fitted, for preprocessing.txt. */
    public String describe() {
        return switch (transform) {
            case NONE -> "target: as it is";
            case LOG -> "target: log";
            case STANDARDIZE -> String.format(Locale.ROOT, "target: standardized with mean %s, std %s", mean, std);
            case LOG_STANDARDIZE -> String.format(Locale.ROOT, "target: log, then standardized with mean %s, std %s", mean, std);
        };
    }
}
