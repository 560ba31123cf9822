package org.djx.api.data;

import org.djx.api.Stability;

/**
 * One named column of a {@link Table}: numbers or text, either of which may be missing.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public sealed interface Column permits NumericColumn, TextColumn {
    String name();

    /** Returns the number of rows. */
    int size();

    /** Returns whether row {@code row} has no value. */
    boolean isMissing(int row);
}
