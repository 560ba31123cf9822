package org.djx.api.data;

import java.util.Objects;
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

    private Dataset(Table train, Table test, String target, String id, TargetRule targetRule) {
        this.train = Objects.requireNonNull(train, "train");
        this.target = Objects.requireNonNull(target, "target");
        this.targetRule = Objects.requireNonNull(targetRule, "targetRule");
        this.test = test;
        this.id = id;
        if (train.column(target).isEmpty()) {
            throw new IllegalArgumentException("the training rows have no target column '" + target + "'");
        }
        if (id != null && train.column(id).isEmpty()) {
            throw new IllegalArgumentException("the training rows have no id column '" + id + "'");
        }
        if (id != null && test != null && test.column(id).isEmpty()) {
            throw new IllegalArgumentException("the test rows have no id column '" + id + "'");
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
        return new Dataset(train, null, target, null, TargetRule.anyFinite());
    }

    /**
     * Returns this dataset with rows to predict, which have the training columns but the target.
     *
     * @throws IllegalArgumentException if an id column is set and {@code test} lacks it
     * @since 0.2
     */
    public Dataset withTest(Table test) {
        return new Dataset(train, Objects.requireNonNull(test, "test"), target, id, targetRule);
    }

    /**
     * Returns this dataset with the column that identifies rows in a submission, such as {@code Id}.
     *
     * @throws IllegalArgumentException if the training or test rows lack the column
     * @since 0.2
     */
    public Dataset withId(String id) {
        return new Dataset(train, test, target, Objects.requireNonNull(id, "id"), targetRule);
    }

    /**
     * Returns this dataset with the rule its target values follow; predictions that break it are
     * refused. The default is {@link TargetRule#anyFinite()}.
     *
     * @since 0.2
     */
    public Dataset withTargetRule(TargetRule rule) {
        return new Dataset(train, test, target, id, rule);
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
                && target.equals(d.target) && Objects.equals(id, d.id) && targetRule.equals(d.targetRule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(train, test, target, id, targetRule);
    }

    /** Returns the shape and names, as in {@code Dataset[train 1460 rows, test 1459 rows, target SalePrice, id Id, ...]}. */
    @Override
    public String toString() {
        return "Dataset[train " + train.rows() + " rows, " + (test == null ? "no test rows" : "test " + test.rows() + " rows")
                + ", target " + target + (id == null ? "" : ", id " + id) + ", " + targetRule.describe() + "]";
    }
}
