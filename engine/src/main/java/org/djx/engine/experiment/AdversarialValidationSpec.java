package org.djx.engine.experiment;

import java.util.Objects;
import org.djx.engine.metric.Metric;

/**
 * The {@code adversarial-validation} task: on a tabular dataset with test rows, tell the training rows
 * from the test rows with the classifier (the AUC says how far apart they are, and single-feature AUCs
 * which features separate them), then run k-fold cross-validation of the regression unweighted and with
 * the importance weights.
 *
 * @param dataset       the dataset source plugin; it must have test rows
 * @param preprocessing how columns become features
 * @param loss          the regression loss plugin
 * @param optimizer     the regression optimizer plugin
 * @param training      the regression schedule
 * @param metric        what is reported for the regression
 * @param folds         the folds of the regression's cross-validation
 * @param classifier    the shift detector and the importance weights
 */
public record AdversarialValidationSpec(ComponentSpec dataset, PreprocessingSpec preprocessing, ComponentSpec loss,
        ComponentSpec optimizer, TrainingSpec training, Metric metric, int folds, ClassifierSpec classifier)
        implements TaskSpec {
    public AdversarialValidationSpec {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(preprocessing, "preprocessing");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(classifier, "classifier");
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be at least 2, found " + folds);
        }
    }

    /** Returns the regression part as the k-fold task it runs twice, unweighted and weighted. */
    public TabularSpec regression() {
        return new TabularSpec(TaskKind.K_FOLD, dataset, preprocessing, loss, optimizer, training, metric, folds);
    }

    @Override
    public TaskKind kind() {
        return TaskKind.ADVERSARIAL_VALIDATION;
    }
}
