package org.djx.engine.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Enumeration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.djx.engine.io.PartFiles;
import org.djx.api.DataException;

/**
 * Extracts .zip, .tar, .tar.gz and .tgz archives safely: what D2L's {@code download_extract} does,
 * without trusting the archive.
 *
 * <p>Every entry must land inside the target folder: names that are absolute, carry a Windows drive
 * or backslash, or step up with {@code ..} are refused, and each resolved path is checked with
 * {@code Path.normalize().startsWith(root)}. Only files and folders are extracted: tar links,
 * devices and FIFOs are refused (a zip's Unix link flag is not visible to the JDK, so such an entry
 * becomes a small file holding the link text, which is harmless). No permissions, owners or times
 * are restored. The number of entries and the bytes actually written are bounded by
 * {@link ArchiveLimits}, so a zip bomb stops as soon as it exceeds them.
 *
 * <p>The archive is extracted into a temporary sibling of the target folder
 * ({@code <target>.<pid>.<random>.part}), which becomes the target folder only once everything has
 * been extracted. On any failure the temporary folder is deleted, and the target does not exist: a
 * target folder is always complete.
 */
public final class Archives {
    private Archives() {
    }

    /**
     * Extracts {@code archive} into the new folder {@code target}, within {@link ArchiveLimits#DEFAULT}.
     *
     * @return the target folder, absolute and normalized
     * @throws DataException if the archive is of an unknown type, damaged, hostile or too large, or
     *                       {@code target} already exists; nothing is then left behind
     */
    public static Path extract(Path archive, Path target) {
        return extract(archive, target, ArchiveLimits.DEFAULT);
    }

    /**
     * Extracts {@code archive} into the new folder {@code target}, within {@code limits}. The target
     * must not exist (djx never extracts over existing files); its parent is created if needed.
     *
     * @return the target folder, absolute and normalized
     * @throws DataException if the archive is of an unknown type, damaged, hostile or too large, or
     *                       {@code target} already exists; nothing is then left behind
     */
    public static Path extract(Path archive, Path target, ArchiveLimits limits) {
        Path root = target.toAbsolutePath().normalize();
        String kind = kind(archive);
        String prefix = "cannot extract " + archive + " into " + root + ": ";
        if (!Files.isRegularFile(archive)) {
            throw new DataException(prefix + "the archive is not a file");
        }
        if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new DataException(prefix + "the target already exists; djx never extracts over existing files."
                    + " Delete it to extract again, or choose another target folder");
        }
        if (root.getParent() == null) {
            throw new DataException(prefix + "the target cannot be a file-system root");
        }
        Path staging;
        try {
            Files.createDirectories(root.getParent());
            staging = PartFiles.track(Files.createDirectory(root.resolveSibling(root.getFileName() + "."
                    + ProcessHandle.current().pid() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE)
                    + ".part")));
        } catch (IOException e) {
            throw new DataException(prefix + "cannot create a folder beside the target: " + Downloader.describe(e), e);
        }
        Sink sink = new Sink(staging.toAbsolutePath().normalize(), limits);
        boolean done = false;
        try {
            if (kind.equals("zip")) {
                extractZip(archive, sink);
            } else {
                extractTar(archive, kind.equals("tar.gz"), sink);
            }
            moveIntoPlace(staging, root);
            done = true;
            return root;
        } catch (ArchiveProblem e) {
            throw new DataException(prefix + (e.entry() == null ? "" : "entry '" + e.entry() + "' ") + e.getMessage()
                    + "; nothing was extracted", e);
        } catch (IOException e) {
            String entry = sink.current == null ? "" : " (at entry '" + sink.current + "')";
            throw new DataException(prefix + "the archive is damaged or cannot be read" + entry + ": "
                    + Downloader.describe(e) + "; nothing was extracted", e);
        } finally {
            if (!done) {
                deleteTree(staging);
            }
            PartFiles.done(staging);
        }
    }

    private static String kind(Path archive) {
        String name = archive.getFileName() == null ? "" : archive.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) {
            return "zip";
        }
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            return "tar.gz";
        }
        if (name.endsWith(".tar")) {
            return "tar";
        }
        throw new DataException("cannot extract " + archive + ": unknown archive type; djx extracts .zip, .tar, .tar.gz and .tgz files");
    }

    private static void extractZip(Path archive, Sink sink) throws IOException, ArchiveProblem {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            // The central directory gives the count before anything is written.
            if (zip.size() > sink.limits.maxEntries()) {
                throw new ArchiveProblem(null, "has " + zip.size() + " entries, more than the limit of " + sink.limits.maxEntries());
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.endsWith("/")) {
                    sink.directory(name);
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        sink.file(name, in, entry.getSize());
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // ZipFile reports a name that is not valid UTF-8 this way.
            throw new ArchiveProblem(sink.current, "cannot be read: " + e.getMessage());
        }
    }

    private static void extractTar(Path archive, boolean gzip, Sink sink) throws IOException, ArchiveProblem {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
             InputStream in = gzip ? new GZIPInputStream(file, 1 << 16) : file) {
            TarReader tar = new TarReader(in, sink.limits.maxEntries());
            long metadata = 0;
            for (TarReader.Entry entry; (entry = tar.next()) != null; ) {
                sink.count(tar.metadataBytes() - metadata);
                metadata = tar.metadataBytes();
                if (entry.directory()) {
                    sink.directory(entry.name());
                } else {
                    sink.file(entry.name(), tar.data(), entry.size());
                }
            }
            sink.count(tar.metadataBytes() - metadata);
        }
    }

    private static void moveIntoPlace(Path staging, Path root) throws IOException {
        try {
            Files.move(staging, root, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, root);
        }
    }

    private static void deleteTree(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // The .part name marks the folder as an abandoned extraction; the original error matters more.
        }
    }

    /** Writes entries under the staging root, checking every name and counting every byte. */
    private static final class Sink {
        private final Path root;
        private final ArchiveLimits limits;
        private int entries;
        private long total;
        private String current;

        Sink(Path root, ArchiveLimits limits) {
            this.root = root;
            this.limits = limits;
        }

        void directory(String name) throws IOException, ArchiveProblem {
            Path path = resolve(name);
            try {
                Files.createDirectories(path);
            } catch (FileAlreadyExistsException e) {
                throw new ArchiveProblem(name, "is a folder where an earlier entry is a file");
            }
        }

        void file(String name, InputStream in, long declaredSize) throws IOException, ArchiveProblem {
            Path path = resolve(name);
            if (path.equals(root)) {
                throw new ArchiveProblem(name, "is a file named like the target folder itself");
            }
            if (declaredSize > limits.maxEntryBytes()) {
                throw new ArchiveProblem(name, "declares " + declaredSize + " bytes, more than the limit of "
                        + limits.maxEntryBytes() + " bytes per entry");
            }
            try {
                Files.createDirectories(path.getParent());
            } catch (FileAlreadyExistsException e) {
                throw new ArchiveProblem(name, "is inside a folder that an earlier entry made a file");
            }
            OutputStream out;
            try {
                out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                throw new ArchiveProblem(name, "appears twice in the archive (or clashes with a folder of the same name)");
            }
            try (out) {
                byte[] buffer = new byte[1 << 16];
                long written = 0;
                for (int n; (n = in.read(buffer)) != -1; ) {
                    written += n;
                    if (written > limits.maxEntryBytes()) {
                        throw new ArchiveProblem(name, "expands to more than the limit of " + limits.maxEntryBytes()
                                + " bytes per entry (it declares " + (declaredSize < 0 ? "no size" : declaredSize + " bytes")
                                + "); a zip bomb?");
                    }
                    count(n);
                    out.write(buffer, 0, n);
                }
            }
        }

        void count(long bytes) throws ArchiveProblem {
            total += bytes;
            if (total > limits.maxTotalBytes()) {
                throw new ArchiveProblem(current, "takes the archive's extracted size past the limit of "
                        + limits.maxTotalBytes() + " bytes in all; a zip bomb?");
            }
        }

        private Path resolve(String name) throws ArchiveProblem {
            current = name;
            if (++entries > limits.maxEntries()) {
                throw new ArchiveProblem(name, "is one entry too many: the limit is " + limits.maxEntries() + " entries");
            }
            if (name.isEmpty()) {
                throw new ArchiveProblem(name, "has an empty name");
            }
            if (name.indexOf('\0') >= 0) {
                throw new ArchiveProblem(name, "has a NUL character in its name");
            }
            if (name.indexOf('\\') >= 0) {
                throw new ArchiveProblem(name, "has a backslash in its name, which Windows reads as a folder separator;"
                        + " entry names must be relative paths with '/'");
            }
            if (name.startsWith("/")) {
                throw new ArchiveProblem(name, "is an absolute path; entry names must be relative to the target folder");
            }
            if (name.indexOf(':') >= 0) {
                throw new ArchiveProblem(name, "has a ':' in its name (a Windows drive or stream name); entry names must be"
                        + " relative paths");
            }
            for (String segment : name.split("/", -1)) {
                if (segment.equals("..")) {
                    throw new ArchiveProblem(name, "steps out of its folder with '..'; entries must stay inside the target folder");
                }
            }
            Path path;
            try {
                path = root.resolve(name).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                throw new ArchiveProblem(name, "is not a valid file name here: " + e.getReason());
            }
            // Path containment, not String.startsWith: a sibling such as 'ds-evil' must not pass for 'ds'.
            if (!path.startsWith(root)) {
                throw new ArchiveProblem(name, "would land outside the target folder");
            }
            return path;
        }
    }
}
