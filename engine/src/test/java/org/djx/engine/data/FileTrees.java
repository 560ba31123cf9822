package org.djx.engine.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a test sees of a folder: every path under it, so that it can assert the exact set. */
public final class FileTrees {
    private FileTrees() {
    }

    /** Returns the paths under {@code root}, relative and with '/', folders ending in '/'; links are not followed. */
    public static Set<String> tree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> !p.equals(root))
                    .map(p -> root.relativize(p).toString().replace('\\', '/') + (Files.isDirectory(p) && !Files.isSymbolicLink(p) ? "/" : ""))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns each path under {@code root} with its size and modification time, to show nothing was written. */
    public static Map<String, String> snapshot(Path root) {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                state.put(root.relativize(p).toString(), a.size() + " " + a.lastModifiedTime() + " " + a.isDirectory());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return state;
    }
}
