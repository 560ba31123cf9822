package org.djx.engine.experiment;

import java.util.Objects;

/**
 * The {@code adversarial-validation} task: on a tabular dataset with test rows, tell the training rows
 * from the test rows with the classifier (the AUC says how far apart they are, and single-feature AUCs
 * which features separate them), then run k-fold cross-validation of the regression unweighted and with
 * the importance weights.
 *
 * @param regression the dataset, preprocessing, loss, optimizer, schedule, metric and folds: the k-fold
 *                   task it runs twice, unweighted and weighted
 * @param classifier the shift detector and the importance weights
 */
public record AdversarialValidationSpec(TabularSpec regression, ClassifierSpec classifier) implements TaskSpec {
    public AdversarialValidationSpec {
        Objects.requireNonNull(regression, "regression");
        Objects.requireNonNull(classifier, "classifier");
        if (regression.kind() != TaskKind.K_FOLD) {
            throw new IllegalArgumentException("the regression must be a k-fold task, found " + regression.kind().label());
        }
    }

    /** Returns the dataset source plugin; it must have test rows. */
    public ComponentSpec dataset() {
        return regression.dataset();
    }

    @Override
    public TaskKind kind() {
        return TaskKind.ADVERSARIAL_VALIDATION;
    }
}
