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

    /**
     * Reads a file of rows to predict, such as the rows a saved model is given by {@code djx predict}, with the
     * strictness this source reads its own files with: every column as a {@link org.djx.api.data.TextColumn}
     * holding each cell's text exactly as written (never null; the caller decides what is missing and what is a
     * number, with {@link org.djx.api.data.Cells}). By default a source reads no such files.
     *
     * @throws org.djx.api.DataException if the file cannot be read or is malformed, naming the file and where
     * @throws UnsupportedOperationException if this source reads no files of rows
     * @since 0.2
     */
    @Stability(Stability.Status.EXPERIMENTAL)
    default org.djx.api.data.Table readRows(java.nio.file.Path file) {
        throw new UnsupportedOperationException("dataset '" + name() + "' reads no files of rows to predict");
    }
}
