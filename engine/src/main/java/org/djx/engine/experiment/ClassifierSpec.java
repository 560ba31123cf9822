package org.djx.engine.experiment;

import java.util.Objects;

/**
 * The {@code classifier} section: a logistic regression (one linear layer and the {@code bce-with-logits}
 * loss) that learns to tell training rows from test rows, cross-validated, and the importance weights
 * derived from it.
 *
 * @param folds     the folds of the cross-validation; every row is scored by the classifier that did not see it
 * @param maxWeight the largest importance weight; larger ones are clipped to it
 * @param model     the classifier: one linear layer with one output (a logit)
 * @param loss      binary cross-entropy on the logit
 * @param optimizer the classifier's optimizer plugin
 * @param training  the classifier's schedule
 */
public record ClassifierSpec(int folds, double maxWeight, ModelSpec model, ComponentSpec loss, ComponentSpec optimizer,
        TrainingSpec training) {
    public ClassifierSpec {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(training, "training");
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be at least 2, found " + folds);
        }
        if (!(maxWeight >= 1) || Double.isInfinite(maxWeight)) {
            throw new IllegalArgumentException("max-weight must be finite and at least 1, found " + maxWeight);
        }
    }
}
