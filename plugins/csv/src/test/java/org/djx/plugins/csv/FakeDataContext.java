package org.djx.plugins.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.djx.api.DataException;
import org.djx.api.data.DataContext;

/**
 * The engine's side of loading, as a test plays it: local paths resolve against the experiment's folder,
 * and hub names map to files and extracted archive folders the test wrote. Records every call, so a
 * test can tell which form a value took.
 */
final class FakeDataContext implements DataContext {
    private final Path experimentFolder;
    private final Map<String, Path> hubFiles = new HashMap<>();
    private final Map<String, Path> archives = new HashMap<>();
    final List<String> calls = new ArrayList<>();

    FakeDataContext(Path experimentFolder) {
        this.experimentFolder = experimentFolder;
    }

    FakeDataContext hubFile(String name, Path file) {
        hubFiles.put(name, file);
        return this;
    }

    FakeDataContext archive(String name, Path folder) {
        archives.put(name, folder);
        return this;
    }

    @Override
    public Path local(String path) {
        calls.add("local " + path);
        Path file = experimentFolder.resolve(path);
        if (!Files.isRegularFile(file)) {
            throw new DataException("'" + path + "' (" + file + "): no such file");
        }
        return file;
    }

    @Override
    public Path fetch(String name) {
        calls.add("fetch " + name);
        Path file = hubFiles.get(name);
        if (file == null) {
            throw new DataException("no data-hub file '" + name + "'");
        }
        return file;
    }

    @Override
    public Path extract(String name) {
        calls.add("extract " + name);
        Path folder = archives.get(name);
        if (folder == null) {
            throw new DataException("no data-hub archive '" + name + "'");
        }
        return folder;
    }

    /** Writes a text file of these lines, each ended by a line break, creating folders; returns its path. */
    static Path write(Path file, String... lines) {
        return writeBytes(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static Path writeBytes(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
