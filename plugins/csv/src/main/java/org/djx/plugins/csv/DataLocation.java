package org.djx.plugins.csv;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.djx.api.DataException;
import org.djx.api.data.DataContext;
import org.djx.api.spi.Config;

/**
 * Where a CSV file comes from, as an experiment writes it: a path relative to the experiment file,
 * {@code hub:NAME} for a data-hub file, or {@code hub:NAME/inner/path.csv} for a file inside a data-hub
 * archive. Hub names cannot hold '/', so the first '/' after {@code hub:} ends the name.
 *
 * @param key     the configuration key the value was written under
 * @param written the value as written
 * @param hubName the data-hub file or archive, or null for a local path
 * @param inner   the path inside the archive, '/'-separated, or null unless it is one
 */
record DataLocation(String key, String written, String hubName, String inner) {
    static final String HUB = "hub:";

    /** The three forms, as messages and the configuration's descriptions list them. */
    static final String FORMS = "a path relative to the experiment file (such as data/train.csv), hub:NAME for a"
            + " data-hub file, or hub:NAME/path/in/archive.csv for a file inside a data-hub archive";

    private static final Pattern HUB_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    DataLocation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(written, "written");
    }

    /**
     * Reads and checks the value of {@code key}.
     *
     * @throws org.djx.api.ConfigurationException at {@code key} if the value is empty, names no valid
     *                                            hub name, or an inner path that is absolute or climbs
     *                                            out of the archive
     */
    static DataLocation parse(Config config, String key) {
        String written = config.string(key);
        if (written.isBlank()) {
            throw config.error(key, "the value is empty; expected " + FORMS);
        }
        if (!written.startsWith(HUB)) {
            return new DataLocation(key, written, null, null);
        }
        String rest = written.substring(HUB.length());
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        if (name.isEmpty()) {
            throw config.error(key, "'" + written + "' names no data-hub file; expected " + FORMS);
        }
        if (!HUB_NAME.matcher(name).matches()) {
            throw config.error(key, "'" + name + "' is not a data-hub name: a name starts with a letter or digit"
                    + " and holds only letters, digits, '.', '_' and '-'; expected " + FORMS);
        }
        if (slash < 0) {
            return new DataLocation(key, written, name, null);
        }
        String inner = rest.substring(slash + 1);
        String problem = innerPathProblem(name, inner);
        if (problem != null) {
            throw config.error(key, problem);
        }
        return new DataLocation(key, written, name, inner);
    }

    /** Returns what is wrong with a path inside an archive, or null when it is a relative path that stays inside. */
    private static String innerPathProblem(String name, String inner) {
        String expected = "; expected a path relative to the archive's top folder, such as hub:" + name + "/data/train.csv";
        if (inner.isEmpty()) {
            return "'hub:" + name + "/' names no file inside the archive '" + name + "'" + expected;
        }
        if (inner.startsWith("/")) {
            return "the path inside the archive '" + inner + "' is absolute" + expected;
        }
        if (inner.contains("\\")) {
            return "the path inside the archive '" + inner + "' holds a '\\'; separate folders with '/'" + expected;
        }
        if (List.of(inner.split("/")).contains("..")) {
            return "the path inside the archive '" + inner + "' climbs out of the archive with '..'" + expected;
        }
        try {
            if (Path.of(inner).isAbsolute() || Path.of(inner).getRoot() != null) {
                return "the path inside the archive '" + inner + "' is absolute" + expected;
            }
        } catch (InvalidPathException e) {
            return "'" + inner + "' is not a valid path inside the archive (" + e.getReason() + ")" + expected;
        }
        return null;
    }

    /**
     * Returns the local file: through {@link DataContext#local}, {@link DataContext#fetch} or
     * {@link DataContext#extract}, which report files that are missing or corrupt.
     *
     * @throws org.djx.api.ConfigurationException at the key if the archive holds no such file, or if
     *                                            {@code hub:NAME} names an archive rather than a file in it
     * @throws org.djx.api.DataException          if the file cannot be had, or resolves outside its archive
     */
    Path resolve(DataContext context, Config config) {
        if (hubName == null) {
            return context.local(written);
        }
        if (inner == null) {
            Path file = context.fetch(hubName);
            String fileName = file.getFileName().toString();
            if (ArchiveFiles.isArchiveName(fileName)) {
                // read as CSV, an archive would fail on its first byte that is not UTF-8, which says nothing of the fix
                throw config.error(key, "the data-hub file '" + hubName + "' is an archive (" + fileName + "), not a CSV"
                        + " file; write the path of a file inside it after the name, as in hub:" + hubName
                        + "/path/in/archive.csv; " + holdings(context));
            }
            return file;
        }
        return ArchiveFiles.find(context.extract(hubName), inner, hubName,
                message -> config.error(key, message));
    }

    /** Says which CSV files the archive {@link #hubName} holds, or why they cannot be listed. */
    private String holdings(DataContext context) {
        Path folder;
        try {
            folder = context.extract(hubName);
        } catch (DataException e) {
            return "its files cannot be listed: " + e.getMessage();
        }
        return ArchiveFiles.holdings(folder, hubName);
    }
}
