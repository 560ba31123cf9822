package org.djx.engine.data;

import java.nio.file.Path;
import java.util.Objects;
import org.djx.api.data.DataFile;

/**
 * A verified local copy of a hub file.
 *
 * @param file       the hub file
 * @param path       the copy, whose SHA-1 matched the hub's
 * @param downloaded whether it was downloaded just now rather than found in the cache
 */
public record Fetched(DataFile file, Path path, boolean downloaded) {
    public Fetched {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
    }
}
