package org.djx.engine.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.djx.api.data.DataFile;

/**
 * The folder that holds verified copies of data-hub files, and how it was chosen.
 *
 * <p>The folder is {@code $DJX_DATA} when that variable is set, else the user's cache folder:
 * {@code %LOCALAPPDATA%\djx} on Windows, {@code $XDG_CACHE_HOME/djx} or {@code ~/.cache/djx} elsewhere.
 * The environment is passed in as a map, so that tests never depend on the real one. The folder may be
 * read-only (CI points {@code DJX_DATA} at a read-only copy of the data): files already there are used
 * without writing anything.
 *
 * @param folder the absolute, normalized cache folder; it need not exist yet
 * @param origin how the folder was chosen, for messages, such as {@code set by DJX_DATA}
 */
public record DataCache(Path folder, String origin) {
    /** The environment variable that names the cache folder. */
    public static final String ENV = "DJX_DATA";

    public DataCache {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(origin, "origin");
        folder = folder.toAbsolutePath().normalize();
    }

    /**
     * Returns the cache chosen from {@code environment} for the running operating system and user.
     *
     * @param environment the process environment, usually {@code System.getenv()}
     */
    public static DataCache fromEnvironment(Map<String, String> environment) {
        return fromEnvironment(environment, System.getProperty("os.name", ""), Path.of(System.getProperty("user.home", ".")));
    }

    /**
     * Returns the cache chosen from {@code environment} as it would be on the operating system
     * {@code osName} for a user whose home folder is {@code userHome}. Blank variables count as unset.
     */
    public static DataCache fromEnvironment(Map<String, String> environment, String osName, Path userHome) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(userHome, "userHome");
        String data = value(environment, ENV);
        if (data != null) {
            return new DataCache(Path.of(data), "set by " + ENV);
        }
        String unset = ENV + " is not set, so this is the user's cache folder";
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            String local = value(environment, "LOCALAPPDATA");
            if (local != null) {
                return new DataCache(Path.of(local, "djx"), unset);
            }
            return new DataCache(userHome.resolve("AppData").resolve("Local").resolve("djx"), unset);
        }
        String xdg = value(environment, "XDG_CACHE_HOME");
        // The XDG specification says a relative value is invalid and must be ignored.
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return new DataCache(Path.of(xdg, "djx"), unset);
        }
        return new DataCache(userHome.resolve(".cache").resolve("djx"), unset);
    }

    /** Returns a cache in {@code folder}, chosen by the caller; {@code origin} says how, for messages. */
    public static DataCache at(Path folder, String origin) {
        return new DataCache(folder, origin);
    }

    /** Returns where the verified copy of {@code file} lives: its file name in the folder. */
    public Path pathOf(DataFile file) {
        return folder.resolve(file.fileName());
    }

    /**
     * Returns where the archive {@code file} is extracted: a folder beside its copy, named after the
     * file and the first 12 digits of its SHA-1 ({@code house.tar.gz.extracted-3f2a9c1b0d4e}). The
     * SHA-1 in the name ties the folder to one version of the archive: when a dataset plugin moves to
     * a new archive under the same file name, its contents go to a new folder, and the old folder is
     * never mistaken for them.
     */
    public Path extractedPathOf(DataFile file) {
        return folder.resolve(file.fileName() + ".extracted-" + file.sha1().substring(0, 12));
    }

    /** Returns the folder and how it was chosen, as messages show it. */
    public String describe() {
        return folder + " (" + origin + ")";
    }

    private static String value(Map<String, String> environment, String name) {
        String v = environment.get(name);
        return v == null || v.isBlank() ? null : v;
    }
}
