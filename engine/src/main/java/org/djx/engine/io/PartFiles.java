package org.djx.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The temporary {@code .part} files and folders being written right now (run folder files, downloads,
 * extractions), so that an interrupt (SIGINT, SIGTERM) can remove them: the launcher deletes what is left in a
 * shutdown hook. A SIGKILL runs no hook; what it leaves keeps its {@code .part} name and is never used.
 */
public final class PartFiles {
    private static final Set<Path> ACTIVE = ConcurrentHashMap.newKeySet();

    private PartFiles() {
    }

    /** Records {@code part} as being written and returns it. */
    public static Path track(Path part) {
        ACTIVE.add(part);
        return part;
    }

    /** Records that {@code part} is no longer being written (moved into place or removed). */
    public static void done(Path part) {
        ACTIVE.remove(part);
    }

    /** Returns how many parts are being written. */
    public static int active() {
        return ACTIVE.size();
    }

    /** Removes every part still being written, file or folder; for a shutdown hook. */
    public static void deleteAll() {
        for (Path part : Set.copyOf(ACTIVE)) {
            try (Stream<Path> tree = Files.isDirectory(part) ? Files.walk(part) : Stream.of(part)) {
                for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | RuntimeException e) {
                // the process is ending; what cannot be removed keeps its .part name and is never used
            }
            ACTIVE.remove(part);
        }
    }
}
