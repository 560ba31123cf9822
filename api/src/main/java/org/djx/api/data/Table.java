package org.djx.api.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.djx.api.Stability;

/**
 * Named columns of equal length, in file order: a dataset as read, before preprocessing.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public final class Table {
    private final List<Column> columns;
    private final Map<String, Column> byName;
    private final int rows;

    /**
     * Creates a table.
     *
     * @throws IllegalArgumentException if the columns differ in length or two share a name
     */
    public Table(List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.rows = this.columns.isEmpty() ? 0 : this.columns.get(0).size();
        this.byName = new LinkedHashMap<>();
        for (Column c : this.columns) {
            if (c.size() != rows) {
                throw new IllegalArgumentException("column '" + c.name() + "' has " + c.size() + " rows, expected " + rows);
            }
            if (byName.put(c.name(), c) != null) {
                throw new IllegalArgumentException("two columns are named '" + c.name() + "'");
            }
        }
    }

    /** Returns the number of rows. */
    public int rows() {
        return rows;
    }

    /** Returns the columns in file order. */
    public List<Column> columns() {
        return columns;
    }

    /** Returns the column named {@code name}, if there is one. */
    public Optional<Column> column(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
