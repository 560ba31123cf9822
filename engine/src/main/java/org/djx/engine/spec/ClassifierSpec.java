package org.djx.engine.spec;

import java.util.Objects;

/**
 * The {@code classifier} section: a logistic regression (one linear layer and the {@code bce-with-logits}
 * loss) that learns to tell training rows from test rows, cross-validated, and the importance weights
 * derived from it.
 *
 * @param folds     the folds of the cross-validation; every row is scored by the classifier that did not see it
 * @param maxWeight the largest importance weight; larger ones are clipped to it
 * @param setup     the classifier (one linear layer with one output, a logit), its loss, optimizer and schedule
 */
public record ClassifierSpec(int folds, double maxWeight, TrainingSetup setup) {
    public ClassifierSpec {
        Objects.requireNonNull(setup, "setup");
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be at least 2, found " + folds);
        }
        if (!(maxWeight >= 1) || Double.isInfinite(maxWeight)) {
            throw new IllegalArgumentException("max-weight must be finite and at least 1, found " + maxWeight);
        }
    }
}
