package org.djx.api.data;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.djx.api.Stability;

/**
 * What a {@link org.djx.api.spi.DatasetSource} loads: labelled training rows, optionally unlabelled
 * test rows to predict, the column to predict and which of its values are valid, and optionally the
 * column that identifies rows in a submission.
 *
 * <pre>{@code
 * Dataset.of(train, "SalePrice").withTest(test).withId("Id")
 *         .withTargetRule(TargetRule.positive("a sale price is positive"))
 * }</pre>
 *
 * <p>A final class with factories since 0.2 (a record before), so that it can grow without breaking
 * sources; the accessors kept their names.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public final class Dataset {
    private final Table train;
    private final Table test;
    private final String target;
    private final String id;
    private final TargetRule targetRule;
    private final List<String> classes;

    private Dataset(Table train, Table test, String target, String id, TargetRule targetRule, List<String> classes) {
        this.train = Objects.requireNonNull(train, "train");
        this.target = Objects.requireNonNull(target, "target");
        this.targetRule = Objects.requireNonNull(targetRule, "targetRule");
        this.test = test;
        this.id = id;
        this.classes = List.copyOf(classes);
        if (train.column(target).isEmpty()) {
            throw new IllegalArgumentException("the training rows have no target column '" + target + "'");
        }
        if (id != null && train.column(id).isEmpty()) {
            throw new IllegalArgumentException("the training rows have no id column '" + id + "'");
        }
        if (id != null && test != null && test.column(id).isEmpty()) {
            throw new IllegalArgumentException("the test rows have no id column '" + id + "'");
        }
        if (!this.classes.isEmpty()) {
            checkClasses(train.column(target).get(), this.classes);
        }
    }

    private static void checkClasses(Column labels, List<String> classes) {
        if (classes.size() < 2) {
            throw new IllegalArgumentException("a classification needs at least 2 classes, found " + classes);
        }
        if (new HashSet<>(classes).size() != classes.size()) {
            throw new IllegalArgumentException("the classes must differ, found " + classes);
        }
        if (!(labels instanceof TextColumn text)) {
            throw new IllegalArgumentException("the target column '" + labels.name() + "' of a classification must hold"
                    + " the class names as text");
        }
        Set<String> known = new HashSet<>(classes);
        for (int r = 0; r < text.size(); r++) {
            if (text.get(r) != null && !known.contains(text.get(r))) {
                throw new IllegalArgumentException("training row " + (r + 1) + " has the class '" + text.get(r)
                        + "', which is not among " + classes);
            }
        }
    }

    /**
     * Returns a dataset of training rows alone, without an id column, whose targets may be any finite
     * number.
     *
     * @param train  the labelled rows
     * @param target the name of the column to predict, a column of {@code train}
     * @throws IllegalArgumentException if {@code train} has no column {@code target}
     * @since 0.2
     */
    public static Dataset of(Table train, String target) {
        return new Dataset(train, null, target, null, TargetRule.anyFinite(), List.of());
    }

    /**
     * Returns this dataset with rows to predict, which have the training columns but the target.
     *
     * @throws IllegalArgumentException if an id column is set and {@code test} lacks it
     * @since 0.2
     */
    public Dataset withTest(Table test) {
        return new Dataset(train, Objects.requireNonNull(test, "test"), target, id, targetRule, classes);
    }

    /**
     * Returns this dataset with the column that identifies rows in a submission, such as {@code Id}.
     *
     * @throws IllegalArgumentException if the training or test rows lack the column
     * @since 0.2
     */
    public Dataset withId(String id) {
        return new Dataset(train, test, target, Objects.requireNonNull(id, "id"), targetRule, classes);
    }

    /**
     * Returns this dataset with the rule its target values follow; predictions that break it are
     * refused. The default is {@link TargetRule#anyFinite()}.
     *
     * @since 0.2
     */
    public Dataset withTargetRule(TargetRule rule) {
        return new Dataset(train, test, target, id, rule, classes);
    }

    /**
     * Returns this dataset as a classification: the target column holds class names as text (a missing
     * one is an error when the rows are used), and a model scores {@code classes} in this order, output
     * i for {@code classes.get(i)}. Submissions write these names.
     *
     * @param classes every class, at least two, each once
     * @throws NullPointerException     if {@code classes} or one of them is null
     * @throws IllegalArgumentException if there are fewer than two classes or a repeated one, the target
     *                                  column is not text, or a training row names another class
     * @since 0.2
     */
    public Dataset withClasses(List<String> classes) {
        return new Dataset(train, test, target, id, targetRule, Objects.requireNonNull(classes, "classes"));
    }

    /**
     * Returns the classes of a classification in the order a model scores them; empty for a regression.
     *
     * @since 0.2
     */
    public List<String> classes() {
        return classes;
    }

    /**
     * Returns whether the target is a class rather than a number.
     *
     * @since 0.2
     */
    public boolean isClassification() {
        return !classes.isEmpty();
    }

    /** Returns the labelled rows. */
    public Table train() {
        return train;
    }

    /** Returns the rows to predict, without the target column; null when the dataset has none. */
    public Table test() {
        return test;
    }

    /** Returns the name of the column to predict. */
    public String target() {
        return target;
    }

    /** Returns the name of the column that identifies rows in a submission; null when there is none. */
    public String id() {
        return id;
    }

    /**
     * Returns which target values are valid.
     *
     * @since 0.2
     */
    public TargetRule targetRule() {
        return targetRule;
    }

    /** Compares the tables (by identity: tables are large) and every name and rule. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset d && train.equals(d.train) && Objects.equals(test, d.test)
                && target.equals(d.target) && Objects.equals(id, d.id) && targetRule.equals(d.targetRule) && classes.equals(d.classes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(train, test, target, id, targetRule, classes);
    }

    /** Returns the shape and names, as in {@code Dataset[train 1460 rows, test 1459 rows, target SalePrice, id Id, ...]}. */
    @Override
    public String toString() {
        return "Dataset[train " + train.rows() + " rows, " + (test == null ? "no test rows" : "test " + test.rows() + " rows")
                + ", target " + target + (id == null ? "" : ", id " + id)
                + (classes.isEmpty() ? ", " + targetRule.describe() : ", classes " + classes) + "]";
    }
}
