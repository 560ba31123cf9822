package org.djx.engine.tabular;

import java.util.List;
import java.util.Objects;
import org.djx.api.Tensor;

/**
 * A dataset turned into numbers: the feature matrices, the targets, and what was fitted to get there.
 *
 * @param names      one name per feature column, such as {@code LotArea} or {@code MSZoning_RL}
 * @param train      the training rows' features
 * @param targets    the training rows' targets, one column: numbers, or for a classification class indices into
 *                   {@code classes}
 * @param test       the test rows' features, or null when the dataset has no test rows
 * @param testIds    the test rows' identifiers, as written in a submission; empty without test rows
 * @param statistics what each step fitted, one line each, for the run's preprocessing report
 * @param classes    a classification's classes, in the order of their indices; empty for a regression
 * @param fitted     what preprocessing fitted, to turn other rows into these features
 */
public record Features(List<String> names, Tensor train, Tensor targets, Tensor test, List<String> testIds,
        List<String> statistics, List<String> classes, FittedPreprocessing fitted) {
    public Features {
        names = List.copyOf(names);
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(targets, "targets");
        testIds = List.copyOf(testIds);
        statistics = List.copyOf(statistics);
        classes = List.copyOf(classes);
    }

    /** Returns whether the targets are classes. */
    public boolean isClassification() {
        return !classes.isEmpty();
    }

    /** Returns the number of feature columns. */
    public int width() {
        return names.size();
    }
}
