package org.djx.plugins.csv;

import java.util.Map;
import java.util.Objects;

/**
 * What {@link TableReader} needs to know about a table beyond its files.
 *
 * @param target    the column to predict
 * @param id        the column that names rows, or null when there is none
 * @param problem   whether the target is a number or a class name
 * @param overrides declared column types that replace the inferred ones; never the target's or the id's
 */
record TableOptions(String target, String id, Problem problem, Map<String, ColumnType> overrides) {
    TableOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(problem, "problem");
        overrides = Map.copyOf(overrides);
        if (target.equals(id)) {
            throw new IllegalArgumentException("the id column '" + id + "' is also the target");
        }
        if (overrides.containsKey(target) || (id != null && overrides.containsKey(id))) {
            throw new IllegalArgumentException("the target's and the id's types are not declared: " + overrides);
        }
    }

    /** Returns the options of a regression on a table whose column types are all inferred. */
    static TableOptions regression(String target, String id) {
        return new TableOptions(target, id, Problem.REGRESSION, Map.of());
    }

    /** Returns the declared type of a column, or null when it is inferred. */
    ColumnType declared(String column) {
        return overrides.get(column);
    }
}
