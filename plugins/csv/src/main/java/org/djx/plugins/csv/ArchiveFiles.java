package org.djx.plugins.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.djx.api.DataException;

/**
 * Finds a file inside an extracted data-hub archive, and says which CSV files it has when the file is not
 * there or when the archive itself was named as a file.
 */
final class ArchiveFiles {
    /** How many of an archive's CSV files a message lists. */
    static final int LISTED = 10;

    private ArchiveFiles() {
    }

    /**
     * Returns the regular file at {@code inner} inside {@code folder}.
     *
     * @param inner   a relative path that {@link DataLocation} has checked
     * @param missing turns the message about a missing file into the exception to throw
     * @throws DataException if the path leads outside the folder, by '..' or by a link
     */
    static Path find(Path folder, String inner, String archive, Function<String, RuntimeException> missing) {
        Path root = folder.toAbsolutePath().normalize();
        Path file = root.resolve(inner).normalize();
        // normalize().startsWith compares whole names, so a sibling folder such as ds-evil beside ds fails
        if (!file.startsWith(root)) {
            throw outside(archive, inner, file);
        }
        if (!Files.isRegularFile(file)) {
            String what = Files.isDirectory(file) ? "'" + inner + "' is a folder in the archive '" + archive + "', not a file"
                    : "the archive '" + archive + "' has no file '" + inner + "'";
            throw missing.apply(what + "; " + holdings(root, archive)
                    + ". Write the path of one of its files after 'hub:" + archive + "/'");
        }
        try {
            if (!file.toRealPath().startsWith(root.toRealPath())) {
                throw outside(archive, inner, file.toRealPath());
            }
        } catch (IOException e) {
            throw new DataException(file + ": cannot read the file (" + e + "); expected a readable file in the"
                    + " extracted archive '" + archive + "'. Check that djx may read its cache folder.", e);
        }
        return file;
    }

    /**
     * Returns whether a data-hub file name is an archive's: it ends in {@code .zip}, {@code .tar.gz},
     * {@code .tgz} or {@code .tar}, in any case, as {@link org.djx.api.data.DataFile#isArchive} decides.
     */
    static boolean isArchiveName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".zip") || lower.endsWith(".tar.gz") || lower.endsWith(".tgz") || lower.endsWith(".tar");
    }

    /** Says which CSV files an extracted archive holds, as "it holds 2 CSV files: a.csv, b.csv", listing at most {@link #LISTED}. */
    static String holdings(Path folder, String archive) {
        return "it holds " + describe(csvFiles(folder.toAbsolutePath().normalize()), archive);
    }

    /** Returns the paths of every CSV file under {@code root}, relative to it and '/'-separated, in String order. */
    static List<String> csvFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .map(p -> root.relativize(p).toString().replace(root.getFileSystem().getSeparator(), "/"))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DataException(root + ": cannot list the extracted archive (" + e + "); expected a readable"
                    + " folder. Check that djx may read its cache folder.", e);
        }
    }

    private static String describe(List<String> csvFiles, String archive) {
        if (csvFiles.isEmpty()) {
            return "no CSV file at all (is '" + archive + "' the archive you meant?)";
        }
        String listed = String.join(", ", csvFiles.subList(0, Math.min(LISTED, csvFiles.size())));
        String more = csvFiles.size() > LISTED ? " and " + (csvFiles.size() - LISTED) + " more" : "";
        return csvFiles.size() == 1 ? "one CSV file: " + listed
                : csvFiles.size() + " CSV files: " + listed + more;
    }

    private static DataException outside(String archive, String inner, Path resolved) {
        return new DataException("hub:" + archive + "/" + inner + ": the path leads outside the extracted archive, to "
                + resolved + "; expected a file inside the archive '" + archive + "'. Remove the link or fetch the archive again.");
    }
}
