package org.djx.engine.experiment;

import java.util.Objects;
import org.djx.engine.metric.Metric;

/**
 * Training on a tabular dataset: k-fold cross-validation, or one fit on every training row that
 * predicts the test rows.
 *
 * @param kind          {@link TaskKind#K_FOLD} or {@link TaskKind#SUBMISSION}
 * @param dataset       the dataset source plugin
 * @param preprocessing how columns become features
 * @param loss          the loss plugin
 * @param optimizer     the optimizer plugin
 * @param training      the schedule
 * @param metric        what is reported after each epoch
 * @param folds         the number of folds for k-fold; 0 for a submission
 */
public record TabularSpec(TaskKind kind, ComponentSpec dataset, PreprocessingSpec preprocessing, ComponentSpec loss,
        ComponentSpec optimizer, TrainingSpec training, Metric metric, int folds) implements TaskSpec {
    public TabularSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(preprocessing, "preprocessing");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(metric, "metric");
        if (kind != TaskKind.K_FOLD && kind != TaskKind.SUBMISSION) {
            throw new IllegalArgumentException("not a tabular task: " + kind);
        }
        if (kind == TaskKind.K_FOLD ? folds < 2 : folds != 0) {
            throw new IllegalArgumentException("folds " + folds + " for " + kind);
        }
    }
}
