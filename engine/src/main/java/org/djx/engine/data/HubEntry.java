package org.djx.engine.data;

import java.util.Objects;
import org.djx.api.data.DataFile;

/**
 * A file the data hub knows, and who declared it.
 *
 * @param file   the hub entry: name, URL and SHA-1
 * @param source who declared it, for messages, such as {@code dataset plugin 'kaggle-house' (...)}
 */
public record HubEntry(DataFile file, String source) {
    public HubEntry {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
    }
}
