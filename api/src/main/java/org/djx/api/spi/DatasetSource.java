package org.djx.api.spi;

import org.djx.api.data.DataContext;
import org.djx.api.data.Dataset;

/**
 * Loads a named dataset, such as {@code kaggle-house}, as raw tables.
 *
 * @since 0.1
 */
public interface DatasetSource extends Plugin {
    /**
     * Loads the dataset; files come from {@link DataContext#fetch(String)}, which verifies them.
     *
     * @throws org.djx.api.DataException if a file is missing or malformed
     */
    Dataset load(Config config, DataContext context);
}
