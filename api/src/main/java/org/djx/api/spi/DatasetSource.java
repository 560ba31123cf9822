package org.djx.api.spi;

import java.util.List;
import org.djx.api.Stability;
import org.djx.api.data.DataContext;
import org.djx.api.data.DataFile;
import org.djx.api.data.Dataset;

/**
 * Loads a named dataset, such as {@code kaggle-house}, as raw tables.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public interface DatasetSource extends Plugin {
    /**
     * Returns the data-hub files this source may fetch, so that {@code djx data fetch} can download
     * them ahead of time; empty for a source that generates its data.
     */
    default List<DataFile> files() {
        return List.of();
    }

    /**
     * Checks the configuration without loading anything, for what the declared keys cannot say alone
     * (values that are valid one by one but not together): {@code djx validate}, and {@code djx run}
     * before its first experiment, call it, so a bad value is refused before anything runs. Throw
     * {@link Config#error(String, String)}; by default there is nothing to check.
     *
     * @since 0.2
     */
    @Stability(Stability.Status.EXPERIMENTAL)
    default void check(Config config) {
    }

    /**
     * Loads the dataset; files come from {@link DataContext#fetch(String)}, which verifies them, and
     * the contents of archives from {@link DataContext#extract(String)}, which also extracts them safely.
     *
     * @throws org.djx.api.DataException if a file is missing or malformed
     */
    Dataset load(Config config, DataContext context);
}
