package org.djx.engine.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A verified hub archive and the folder that holds its extracted contents.
 *
 * @param archive   the verified copy of the archive, and whether it was downloaded just now
 * @param folder    the complete extracted folder
 * @param extracted whether the archive was extracted just now rather than found extracted
 */
public record Extracted(Fetched archive, Path folder, boolean extracted) {
    public Extracted {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(folder, "folder");
    }
}
