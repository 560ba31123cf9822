package org.djx.engine.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The state of one hub file's copy in the cache, found without writing anything or using the network.
 *
 * @param entry      the hub file
 * @param path       where its copy is, or would be
 * @param status     whether the copy is there and has the right SHA-1
 * @param actualSha1 the SHA-1 of the copy when it is {@link Status#CORRUPT}, else null
 * @param problem    why the copy cannot be read when it is {@link Status#UNREADABLE}, else null
 */
public record CacheCheck(HubEntry entry, Path path, Status status, String actualSha1, String problem) {
    /** Whether a cached copy can be used. */
    public enum Status {
        /** The copy is there and its SHA-1 matches: it is used as is. */
        VERIFIED,
        /** There is no copy: fetching downloads one. */
        MISSING,
        /** The copy's SHA-1 differs: it is never used, and never replaced or deleted by djx. */
        CORRUPT,
        /** Something is there that cannot be read as a file (a folder, no permission): never used. */
        UNREADABLE
    }

    public CacheCheck {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(status, "status");
        if ((status == Status.CORRUPT) != (actualSha1 != null)) {
            throw new IllegalArgumentException("actualSha1 is given exactly when the copy is corrupt");
        }
        if ((status == Status.UNREADABLE) != (problem != null)) {
            throw new IllegalArgumentException("problem is given exactly when the copy is unreadable");
        }
    }
}
