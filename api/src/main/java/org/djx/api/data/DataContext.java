package org.djx.api.data;

import java.nio.file.Path;
import org.djx.api.Stability;

/**
 * What the engine offers a dataset source: verified local copies of the files it needs.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public interface DataContext {
    /**
     * Returns the local path of the data-hub file {@code name}, downloading it first if it is not
     * cached; the file's checksum has been verified.
     *
     * @throws org.djx.api.DataException if the file is unknown, cannot be fetched, or is corrupt
     */
    Path fetch(String name);
}
