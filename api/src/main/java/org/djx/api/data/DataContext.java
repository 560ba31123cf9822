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

    /**
     * Returns the folder that holds the extracted contents of the data-hub archive {@code name}, a file
     * for which {@link DataFile#isArchive()} is true. The first call fetches the archive as
     * {@link #fetch(String)} does, verifies its checksum and extracts it safely: every entry must stay
     * inside the folder, links and special files are refused, and the extracted size is bounded. Later
     * calls return the same folder without reading the archive again.
     *
     * <p>The folder is either complete or absent, never half-extracted, and it is shared by every run
     * that uses the archive: read from it, never write into it.
     *
     * @return the folder, holding the archive's entries at their paths inside the archive
     * @throws org.djx.api.DataException if the name is unknown or not an archive, the archive cannot be
     *                                   fetched or is corrupt, or it cannot be extracted safely (the
     *                                   message names the archive, the entry and the rule it breaks)
     * @since 0.2
     */
    Path extract(String name);

    /**
     * Returns a local file that the experiment names by path, such as {@code data/train.csv}: a relative
     * path is resolved against the folder of the experiment file, never the working directory, so a file
     * runs the same from anywhere. The engine records the file's SHA-256 in the run's provenance.
     *
     * @param path the path as the experiment writes it
     * @throws org.djx.api.DataException if the file does not exist, is not a regular file or cannot be
     *                                   read (the message names the path as written and, for a relative
     *                                   path, as resolved)
     * @since 0.2
     */
    @Stability(Stability.Status.EXPERIMENTAL)
    default Path local(String path) {
        throw new org.djx.api.DataException("this data context cannot open local files such as '" + path
                + "'; name a data-hub file instead");
    }
}
