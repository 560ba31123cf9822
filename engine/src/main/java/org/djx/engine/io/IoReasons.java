package org.djx.engine.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says what went wrong with a file in words. The JDK's file-system exceptions often carry only the path as
 * their message ({@code NoSuchFileException: /x}), so a message built from {@code getMessage()} alone drops
 * the reason and repeats the path.
 */
public final class IoReasons {
    private IoReasons() {
    }

    /**
     * Returns the reason of {@code e} for a message that already names {@code file}: the file {@code e} concerns is
     * added only when it is another one (a part of the path, a temporary file).
     */
    public static String of(IOException e, java.nio.file.Path file) {
        String full = of(e);
        String prefix = file + ": ";
        return full.startsWith(prefix) ? full.substring(prefix.length()) : full;
    }

    /** Returns the reason of {@code e}, with the file it concerns, such as {@code /x: no such file or folder}. */
    public static String of(IOException e) {
        if (e instanceof FileSystemException f) {
            String what = e instanceof NoSuchFileException ? "no such file or folder"
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileAlreadyExistsException ? "already exists (and is not a folder that can be used)"
                    : e instanceof NotDirectoryException ? "not a folder"
                    : e instanceof DirectoryNotEmptyException ? "a folder that is not empty"
                    : f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
            String detail = f.getReason() != null && !what.equals(f.getReason()) ? " (" + f.getReason() + ")" : "";
            String file = f.getFile() == null ? "" : f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": ";
            return file + what + detail;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
