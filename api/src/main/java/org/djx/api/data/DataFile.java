package org.djx.api.data;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.djx.api.Stability;

/**
 * A file of the data hub: the name a dataset source asks for, where to download it, and the SHA-1
 * its bytes must have. A copy whose SHA-1 differs is never used.
 *
 * <p>A final class with a factory since 0.2 (a record before), so that it can grow without breaking
 * sources; the accessors kept their names.
 *
 * <p>A file is an archive, which {@link DataContext#extract(String)} extracts, when its file name ends
 * in {@code .zip}, {@code .tar.gz}, {@code .tgz} or {@code .tar}, in any case: the suffix decides, as
 * it does for {@code tar} and {@code unzip}, so the hub needs no separate flag.
 *
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public final class DataFile {
    private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final String name;
    private final URI url;
    private final String sha1;

    private final String fileName;

    private DataFile(String name, URI url, String fileName, String sha1) {
        this.name = Objects.requireNonNull(name, "name");
        this.url = url;
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.sha1 = Objects.requireNonNull(sha1, "sha1").toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("data file name '" + name + "' must match " + NAME.pattern());
        }
        if (!SHA1.matcher(this.sha1).matches()) {
            throw new IllegalArgumentException("SHA-1 of '" + name + "' must be 40 hex digits, found '" + sha1 + "'");
        }
        if (!NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException(url == null ? "the file name of '" + name + "' must match " + NAME.pattern()
                    + ", found '" + fileName + "'" : "the URL of '" + name + "' does not end in a plain file name: " + url);
        }
    }

    /**
     * Returns a data file.
     *
     * @param name the hub name, such as {@code kaggle_house_train}
     * @param url  where to download it from; the cached copy takes the last path segment as file name
     * @param sha1 the expected SHA-1 of the file's bytes, 40 hex digits (kept in lowercase)
     * @throws IllegalArgumentException if the name, the SHA-1 or the URL's file name is malformed
     * @since 0.2
     */
    public static DataFile of(String name, URI url, String sha1) {
        return new DataFile(name, Objects.requireNonNull(url, "url"), fileName(url), sha1);
    }

    /**
     * Returns a data file that cannot be downloaded: the user puts a copy named {@code fileName} in the
     * cache folder, and it is used only if its SHA-1 matches. For data that has no public address, such
     * as a team's own table shared on a drive.
     *
     * @throws IllegalArgumentException if the name, the file name or the SHA-1 is malformed
     * @since 0.2
     */
    @Stability(Stability.Status.EXPERIMENTAL)
    public static DataFile inCacheOnly(String name, String fileName, String sha1) {
        return new DataFile(name, null, fileName, sha1);
    }

    /** Returns the hub name, such as {@code kaggle_house_train}. */
    public String name() {
        return name;
    }

    /**
     * Returns where to download the file from. Null for a file that {@link #inCacheOnly cannot be downloaded}, which
     * exist since 0.2: check {@link #isDownloadable()} first.
     */
    public URI url() {
        return url;
    }

    /**
     * Returns whether the file has a URL to download it from.
     *
     * @since 0.2
     */
    @Stability(Stability.Status.EXPERIMENTAL)
    public boolean isDownloadable() {
        return url != null;
    }

    /** Returns the expected SHA-1 of the file's bytes, 40 lowercase hex digits. */
    public String sha1() {
        return sha1;
    }

    /** Returns the name of the cached copy: the URL's last path segment, or the name given without a URL. */
    public String fileName() {
        return fileName;
    }

    /**
     * Returns whether this file is an archive that {@link DataContext#extract(String)} extracts: its
     * file name ends in {@code .zip}, {@code .tar.gz}, {@code .tgz} or {@code .tar}, ignoring case.
     *
     * @since 0.2
     */
    public boolean isArchive() {
        String lower = fileName().toLowerCase(Locale.ROOT);
        return lower.endsWith(".zip") || lower.endsWith(".tar.gz") || lower.endsWith(".tgz") || lower.endsWith(".tar");
    }

    private static String fileName(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataFile f && name.equals(f.name) && Objects.equals(url, f.url) && fileName.equals(f.fileName)
                && sha1.equals(f.sha1);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, url, fileName, sha1);
    }

    @Override
    public String toString() {
        return "DataFile[name=" + name + (url == null ? ", file=" + fileName : ", url=" + url) + ", sha1=" + sha1 + "]";
    }
}
