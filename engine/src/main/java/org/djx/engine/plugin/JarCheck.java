package org.djx.engine.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipException;

/**
 * Says why a jar cannot be used before Java tries to, since Java's own words for it ({@code Error
 * reading ...}, {@code zip END header not found}) name neither the problem nor the cure: the file
 * cannot be read (the operating system's reason), is not a zip archive at all, or is a zip archive cut
 * short.
 */
final class JarCheck {
    private static final String NOT_LOADED = "; the plugin was not loaded";
    private static final String A_JAR_IS = "a plugin jar is one zip archive, as 'jar' or Maven builds it";
    /** How many bytes of a file's beginning a message quotes. */
    private static final int QUOTED = 24;

    private JarCheck() {
    }

    /**
     * Returns why the plugin {@code entry}, a jar or a plugin folder of jars, cannot be loaded for a
     * reason in one of its jar files, or empty.
     */
    static Optional<String> problem(Path entry) {
        if (!Files.isDirectory(entry)) {
            return jarProblem(entry);
        }
        List<Path> jars;
        try (Stream<Path> children = Files.list(entry)) {
            jars = children.filter(JarCheck::isJarName).sorted().toList();
        } catch (IOException e) {
            return Optional.of("cannot be listed: " + osReason(e) + "; make the folder readable for the user djx runs as,"
                    + " or remove it" + NOT_LOADED);
        }
        if (jars.isEmpty() && isJarName(entry)) {
            // A folder where a jar was meant to be, such as an unpacked jar.
            return jarProblem(entry);
        }
        for (Path jar : jars) {
            Optional<String> problem = jarProblem(jar);
            if (problem.isPresent()) {
                return Optional.of("holds " + jar.getFileName() + ", which " + problem.get());
            }
        }
        return Optional.empty();
    }

    /** Returns why the file {@code jar} is no usable jar, or empty; a phrase that follows the jar's name. */
    static Optional<String> jarProblem(Path jar) {
        if (Files.isDirectory(jar)) {
            if (Files.isRegularFile(jar.resolve("module-info.class"))) {
                return Optional.empty(); // an exploded module, which Java loads like a jar
            }
            return Optional.of("is a folder, not a jar file; " + A_JAR_IS + ": replace the folder with the plugin's jar,"
                    + " or remove it" + NOT_LOADED);
        }
        if (!Files.isRegularFile(jar)) {
            // Checked before opening it: reading a named pipe would wait forever.
            return Optional.of(Files.isSymbolicLink(jar) && !Files.exists(jar)
                    ? "is a symbolic link to " + linkTarget(jar) + ", which does not exist; point it at the plugin's jar,"
                            + " or remove it" + NOT_LOADED
                    : "is not a regular file (a device, pipe or socket); " + A_JAR_IS + NOT_LOADED);
        }
        byte[] start;
        try (InputStream in = Files.newInputStream(jar)) {
            start = in.readNBytes(QUOTED + 1);
        } catch (IOException e) {
            return Optional.of(cannotBeRead(e));
        }
        if (start.length == 0) {
            return Optional.of("is empty (0 bytes); " + A_JAR_IS + ": replace it with the plugin's jar, or remove it" + NOT_LOADED);
        }
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            file.getManifest();
            return Optional.empty();
        } catch (ZipException e) {
            return Optional.of(startsLikeAZip(start)
                    ? "is truncated or damaged: it begins as a zip archive, but its table of contents, which a zip archive"
                            + " keeps at its end, cannot be read (" + e.getMessage() + "), as when a download or a copy"
                            + " stopped early; download or build the jar again" + NOT_LOADED
                    : "is not a zip archive (it begins with " + quote(start) + "); " + A_JAR_IS + ", so this may be a web"
                            + " page or an error message saved under the jar's name: replace it with the plugin's jar, or"
                            + " remove it" + NOT_LOADED);
        } catch (IOException | SecurityException e) {
            return Optional.of(e instanceof IOException io ? cannotBeRead(io) : "cannot be read: " + e.getMessage() + NOT_LOADED);
        }
    }

    static boolean isJarName(Path path) {
        return path.getFileName() != null && path.getFileName().toString().endsWith(".jar");
    }

    private static String cannotBeRead(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "cannot be read: permission denied; make it readable for the user djx runs as (for example"
                    + " chmod a+r FILE), or remove it" + NOT_LOADED;
        }
        return "cannot be read: " + osReason(e) + "; check the file and the disk it is on, or replace the jar" + NOT_LOADED;
    }

    /** Returns the operating system's reason, such as {@code Input/output error}, without the path Java repeats. */
    static String osReason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it no longer exists";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    /** Whether {@code start} is the signature of a zip archive: a local file header, or the end of an empty archive. */
    private static boolean startsLikeAZip(byte[] start) {
        return start.length >= 4 && start[0] == 'P' && start[1] == 'K'
                && (start[2] == 3 && start[3] == 4 || start[2] == 5 && start[3] == 6);
    }

    /** Quotes the beginning of a file as text when it is text, such as an HTML page, otherwise as bytes. */
    private static String quote(byte[] start) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(start.length, QUOTED); i++) {
            byte b = start[i];
            if (b == '\n' || b == '\r' || b == '\t') {
                text.append(' ');
            } else if (b >= 0x20 && b < 0x7f) {
                text.append((char) b);
            } else {
                return "the bytes " + HexFormat.ofDelimiter(" ").formatHex(start, 0, Math.min(start.length, 8));
            }
        }
        return "'" + text + (start.length > QUOTED ? "..." : "") + "'";
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "a file";
        }
    }
}
