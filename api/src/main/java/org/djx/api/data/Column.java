package org.djx.api.data;

/**
 * One named column of a {@link Table}: numbers or text, either of which may be missing.
 *
 * @since 0.1
 */
public sealed interface Column permits NumericColumn, TextColumn {
    String name();

    /** Returns the number of rows. */
    int size();

    /** Returns whether row {@code row} has no value. */
    boolean isMissing(int row);
}
