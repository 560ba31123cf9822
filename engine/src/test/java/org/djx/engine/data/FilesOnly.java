package org.djx.engine.data;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.djx.api.DataException;
import org.djx.api.data.DataContext;

/**
 * A data context for tests whose dataset reads plain files only: {@code fetch} looks the name up, and
 * {@code extract} fails, because such a test declares no archives.
 */
public final class FilesOnly implements DataContext {
    private final Function<String, Path> files;

    private FilesOnly(Function<String, Path> files) {
        this.files = Objects.requireNonNull(files, "files");
    }

    /** Returns a context whose {@code fetch} returns {@code files.apply(name)}. */
    public static DataContext of(Function<String, Path> files) {
        return new FilesOnly(files);
    }

    @Override
    public Path fetch(String name) {
        return files.apply(name);
    }

    @Override
    public Path extract(String name) {
        throw new DataException("this test serves plain files only; it has no archive '" + name + "'");
    }
}
