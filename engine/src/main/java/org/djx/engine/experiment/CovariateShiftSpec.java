package org.djx.engine.experiment;

import java.util.Objects;

/**
 * The {@code covariate-shift} task: a generated regression problem whose test inputs come from a shifted
 * distribution, fitted once unweighted and once with importance weights from the classifier, on
 * several independently drawn data sets.
 *
 * <p>Training inputs are N(0, I); test inputs are the same except x_1 ~ N(shift, 1). The target is
 * {@code y = sum_j (x_j + x_j^2 / 2) + noise * N(0, 1)}, which a linear model can fit only locally, so where
 * the inputs lie decides which linear fit is best.
 *
 * @param inputs    input features per example
 * @param trainRows training rows per data set
 * @param testRows  test rows per data set
 * @param shift     the mean of x_1 at test time (0: no shift)
 * @param noise     the standard deviation of the target noise
 * @param repeats   how many data sets are drawn, each from its own random streams
 * @param loss      the regression loss plugin
 * @param optimizer the regression optimizer plugin
 * @param training  the regression schedule
 * @param classifier the shift detector and the importance weights
 */
public record CovariateShiftSpec(int inputs, int trainRows, int testRows, double shift, double noise, int repeats,
        ComponentSpec loss, ComponentSpec optimizer, TrainingSpec training, ClassifierSpec classifier) implements TaskSpec {
    public CovariateShiftSpec {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(classifier, "classifier");
        if (inputs < 1 || trainRows < classifier.folds() || testRows < classifier.folds() || repeats < 1) {
            throw new IllegalArgumentException("inputs " + inputs + ", rows " + trainRows + "/" + testRows + ", repeats " + repeats);
        }
    }

    @Override
    public TaskKind kind() {
        return TaskKind.COVARIATE_SHIFT;
    }
}
