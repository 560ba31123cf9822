package org.djx.engine.data;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.djx.api.DataException;
import org.djx.api.DjxException;
import org.djx.api.data.DataContext;
import org.djx.api.data.DataFile;
import org.djx.engine.io.PartFiles;
import org.djx.api.spi.DatasetSource;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.plugin.PluginRegistry;
import org.djx.engine.plugin.Plugins;

/**
 * The data hub: the files that dataset sources declare (name, URL, SHA-1), and verified local copies
 * of them in a {@link DataCache}.
 *
 * <p>{@link #fetch(String)} uses a cached copy only if its SHA-1 matches, and then touches neither the
 * network nor the disk beyond reading it, so a warm read-only cache works offline. A missing file is
 * downloaded to a temporary name in the cache folder that is unique to this process
 * ({@code <file>.<pid>.<random>.part}), verified, and only then moved to its final name, atomically
 * where the file system allows; a download that fails or does not match leaves nothing behind.
 *
 * <p><b>Corrupt copies are refused and left in place.</b> A cached file whose SHA-1 differs is never
 * used, and fetching it fails with a message that gives the expected and the actual SHA-1. djx does not
 * delete, rename or overwrite it, nor download over it: the cache folder may be the user's own
 * ({@code DJX_DATA}, possibly read-only), and the copy may be a file the user put there on purpose.
 * The user deletes or replaces it, as the message says.
 *
 * <p>Two declarations of one name with different URLs or SHA-1s make the name unusable: fetching it
 * fails with a message naming both declarers, and every other name stays usable.
 *
 * <p>{@link #extract(String)} extracts a hub archive into a folder beside it
 * ({@link DataCache#extractedPathOf}) with {@link Archives}, only after the archive's SHA-1 has
 * matched. {@link Archives} extracts into a temporary {@code .part} folder and renames it into place
 * once everything is extracted, so the folder, when it exists, is complete: an extraction that was
 * interrupted leaves only a {@code .part} folder, which is never used, and the next call extracts
 * again.
 */
public final class DataHub implements DataContext {
    private final DataCache cache;
    private final Map<String, HubEntry> entries;
    private final Map<String, String> conflicts;
    private final List<String> problems;
    private final Downloader downloader;
    private final ArchiveLimits archiveLimits;
    private final Builder declarations;

    private DataHub(Builder b) {
        this.cache = b.cache;
        this.entries = new TreeMap<>(b.entries);
        this.conflicts = new TreeMap<>(b.conflicts);
        List<String> all = new ArrayList<>(b.problems);
        all.addAll(b.conflicts.values());
        this.problems = List.copyOf(all);
        this.downloader = new Downloader(b.settings);
        this.archiveLimits = b.archiveLimits;
        this.declarations = b.copy();
    }

    /**
     * Returns this hub with {@code files} declared by {@code source} as well, such as the files an experiment
     * declares in its {@code data-hub} section; a name declared differently here and elsewhere becomes unusable,
     * as between plugins. The cache and the download settings are shared.
     */
    public DataHub withFiles(List<DataFile> files, String source) {
        Builder b = declarations.copy();
        files.forEach(f -> b.add(f, source));
        return b.build();
    }

    /** Returns a builder of a hub whose copies live in {@code cache}. */
    public static Builder builder(DataCache cache) {
        return new Builder(cache);
    }

    /** Returns a hub of the files that the dataset plugins of {@code registry} declare. */
    public static DataHub fromPlugins(PluginRegistry registry, DataCache cache) {
        return builder(cache).addPlugins(registry).build();
    }

    /** Returns the cache that holds the verified copies. */
    public DataCache cache() {
        return cache;
    }

    /** Returns the usable hub files, sorted by name; names declared in conflicting ways are left out. */
    public List<HubEntry> entries() {
        return List.copyOf(entries.values());
    }

    /**
     * Returns what went wrong while collecting the hub files: conflicting declarations of a name, and
     * dataset plugins that failed to list their files; empty if nothing.
     */
    public List<String> problems() {
        return problems;
    }

    /**
     * Returns the state of the cached copy of {@code name}, reading it to compute its SHA-1; never
     * writes and never uses the network.
     *
     * @throws DataException if the hub does not know the name
     */
    public CacheCheck check(String name) {
        return check(entry(name));
    }

    private CacheCheck check(HubEntry entry) {
        Path path = cache.pathOf(entry.file());
        if (!Files.exists(path)) {
            return Files.isSymbolicLink(path)
                    ? new CacheCheck(entry, path, CacheCheck.Status.UNREADABLE, null, "is a link to a file that does not exist")
                    : new CacheCheck(entry, path, CacheCheck.Status.MISSING, null, null);
        }
        if (!Files.isRegularFile(path)) {
            return new CacheCheck(entry, path, CacheCheck.Status.UNREADABLE, null, "is not a regular file");
        }
        String actual;
        try {
            actual = Sha1.of(path);
        } catch (IOException e) {
            return new CacheCheck(entry, path, CacheCheck.Status.UNREADABLE, null, "cannot be read: " + Downloader.describe(e));
        }
        return actual.equals(entry.file().sha1())
                ? new CacheCheck(entry, path, CacheCheck.Status.VERIFIED, null, null)
                : new CacheCheck(entry, path, CacheCheck.Status.CORRUPT, actual, null);
    }

    /**
     * Returns the verified local copy of the hub file {@code name}, downloading it into the cache if it
     * is missing.
     *
     * @throws DataException if the name is unknown or conflicting, the cached copy is corrupt or
     *                       unreadable, or the file cannot be downloaded and verified
     */
    @Override
    public Path fetch(String name) {
        return retrieve(name).path();
    }

    /**
     * Does what {@link #fetch(String)} does, and also says whether the file was downloaded.
     *
     * @throws DataException as {@link #fetch(String)} does
     */
    public Fetched retrieve(String name) {
        HubEntry entry = entry(name);
        CacheCheck check = check(entry);
        DataFile file = entry.file();
        switch (check.status()) {
            case VERIFIED:
                return new Fetched(file, check.path(), false);
            case CORRUPT:
                throw new DataException("the cached copy of data-hub file '" + file.name() + "' is corrupt and was not used: "
                        + check.path() + " has SHA-1 " + check.actualSha1() + ", expected " + file.sha1()
                        + " (the file from " + origin(file) + "). djx left it in place, untouched; delete it, or replace it with"
                        + " the right file, then fetch again (djx data fetch " + file.name() + "). The cache folder is "
                        + cache.describe() + ".");
            case UNREADABLE:
                throw new DataException("the cached copy of data-hub file '" + file.name() + "' was not used: " + check.path()
                        + " " + check.problem() + ". Make it a readable copy of " + origin(file) + " (SHA-1 " + file.sha1()
                        + "), or remove it so that djx can download the file; the cache folder is " + cache.describe() + ".");
            default:
                return new Fetched(file, download(file, check.path()), true);
        }
    }

    /**
     * Returns the folder of the extracted hub archive {@code name}. A folder from an earlier extraction
     * is used as is, without reading the archive or the network, so a warm cache works offline and
     * read-only; otherwise the archive is fetched and verified as {@link #fetch(String)} does, then
     * extracted.
     *
     * @throws DataException if the name is unknown, conflicting or not an archive, the archive cannot
     *                       be fetched or is corrupt, or it is damaged, hostile or too large to extract
     */
    @Override
    public Path extract(String name) {
        HubEntry entry = archiveEntry(name);
        Path folder = cache.extractedPathOf(entry.file());
        return Files.isDirectory(folder) ? folder : unpack(entry).folder();
    }

    /**
     * Fetches and verifies the hub archive {@code name} as {@link #retrieve(String)} does, then extracts
     * it unless its folder exists; says what was done.
     *
     * @throws DataException as {@link #extract(String)} does
     */
    public Extracted retrieveExtracted(String name) {
        return unpack(archiveEntry(name));
    }

    /**
     * Returns whether the hub archive {@code name} has its extracted folder in the cache; never writes.
     *
     * @throws DataException if the name is unknown or conflicting
     */
    public boolean isExtracted(String name) {
        HubEntry entry = entry(name);
        return entry.file().isArchive() && Files.isDirectory(cache.extractedPathOf(entry.file()));
    }

    private HubEntry archiveEntry(String name) {
        HubEntry entry = entry(name);
        if (!entry.file().isArchive()) {
            throw new DataException("data-hub file '" + name + "' (" + entry.file().fileName() + ", declared by " + entry.source()
                    + ") is not an archive, so it cannot be extracted: djx extracts files whose names end in .zip, .tar.gz,"
                    + " .tgz or .tar. Fetch it as a file instead.");
        }
        return entry;
    }

    private Extracted unpack(HubEntry entry) {
        DataFile file = entry.file();
        Path folder = cache.extractedPathOf(file);
        // The archive is verified before anything is extracted: a copy whose SHA-1 differs fails here.
        Fetched archive = retrieve(file.name());
        if (Files.isDirectory(folder)) {
            return new Extracted(archive, folder, false);
        }
        try {
            return new Extracted(archive, Archives.extract(archive.path(), folder, archiveLimits), true);
        } catch (DataException e) {
            if (Files.isDirectory(folder)) {
                // Another process extracted the same archive at the same time, and its rename came first.
                return new Extracted(archive, folder, false);
            }
            throw new DataException("data-hub archive '" + file.name() + "' (declared by " + entry.source() + ", SHA-1 verified): "
                    + e.getMessage() + ". The cache folder is " + cache.describe() + ".", e);
        }
    }

    private Path download(DataFile file, Path target) {
        if (!file.isDownloadable()) {
            throw new DataException("data-hub file '" + file.name() + "' is not in the cache folder " + cache.describe()
                    + ", and it has no URL to download it from. Put " + file.fileName() + " (SHA-1 " + file.sha1() + ") there,"
                    + " or set " + DataCache.ENV + " to a folder that holds it.");
        }
        Path part;
        try {
            Files.createDirectories(cache.folder());
            part = PartFiles.track(Files.createFile(cache.folder().resolve(file.fileName() + "." + ProcessHandle.current().pid()
                    + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".part")));
        } catch (IOException e) {
            throw new DataException("cannot download data-hub file '" + file.name() + "' from " + file.url()
                    + ": cannot write in the cache folder " + cache.describe() + " (" + Downloader.describe(e) + "). "
                    + putItThere(file) + " Or set " + DataCache.ENV + " to a writable folder.", e);
        }
        boolean moved = false;
        try {
            Downloader.Result result = downloader.download(file.url(), part);
            if (!result.sha1().equals(file.sha1())) {
                throw new DataException("the download of data-hub file '" + file.name() + "' from " + file.url()
                        + " does not match its SHA-1: expected " + file.sha1() + ", received " + result.bytes()
                        + " bytes with SHA-1 " + result.sha1() + "; nothing was kept in the cache folder "
                        + cache.describe() + ". The file on the server may have changed, or the download was damaged:"
                        + " try again, or put a verified copy of " + file.fileName() + " in the cache folder.");
            }
            moveIntoPlace(part, target);
            moved = true;
            return target;
        } catch (Downloader.Failure e) {
            throw new DataException("cannot download data-hub file '" + file.name() + "' from " + file.url() + ": "
                    + e.getMessage() + ". It is not in the cache folder " + cache.describe() + ". " + putItThere(file)
                    + " Or set " + DataCache.ENV + " to a folder that holds it.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException("interrupted while downloading data-hub file '" + file.name() + "' from "
                    + file.url() + "; nothing was kept in the cache folder " + cache.describe() + ".", e);
        } catch (IOException e) {
            throw new DataException("cannot move the verified download of data-hub file '" + file.name() + "' to " + target
                    + ": " + Downloader.describe(e) + "; nothing was kept. Check the cache folder " + cache.describe() + ".", e);
        } finally {
            if (!moved) {
                deleteQuietly(part);
            }
            PartFiles.done(part);
        }
    }

    private static void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            // Atomic rename: readers see the old state or the whole verified file, never a part.
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Says where a file comes from in messages: its URL, or that the user supplies it. */
    static String origin(DataFile file) {
        return file.isDownloadable() ? file.url().toString() : "no URL: put it in the cache folder yourself";
    }

    private static void deleteQuietly(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            // The .part name marks it as an abandoned download; the original error matters more.
        }
    }

    private String putItThere(DataFile file) {
        return "To work offline, put " + file.fileName() + " (SHA-1 " + file.sha1() + ", from " + origin(file) + ") in "
                + cache.folder() + ".";
    }

    /**
     * Returns the hub entry called {@code name}.
     *
     * @throws DataException if the name is unknown (the message lists the known names) or declared in
     *                       conflicting ways (the message names the declarers)
     */
    public HubEntry entry(String name) {
        Objects.requireNonNull(name, "name");
        HubEntry entry = entries.get(name);
        if (entry != null) {
            return entry;
        }
        String conflict = conflicts.get(name);
        if (conflict != null) {
            throw new DataException(conflict);
        }
        if (entries.isEmpty()) {
            throw new DataException("unknown data-hub file '" + name + "': no installed dataset plugin declares any files");
        }
        throw new DataException("unknown data-hub file '" + name + "'; known: " + String.join(", ", entries.keySet()));
    }

    /** Collects hub files from dataset plugins and direct registrations, then builds the hub. */
    public static final class Builder {
        private final DataCache cache;
        private final Map<String, HubEntry> entries = new LinkedHashMap<>();
        private final Map<String, List<HubEntry>> claims = new LinkedHashMap<>();
        private final Map<String, String> conflicts = new LinkedHashMap<>();
        private final List<String> problems = new ArrayList<>();
        private DownloadSettings settings = DownloadSettings.DEFAULT;
        private ArchiveLimits archiveLimits = ArchiveLimits.DEFAULT;

        private Builder(DataCache cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
        }

        /** Sets the timeouts and size limit of downloads; {@link DownloadSettings#DEFAULT} otherwise. */
        public Builder settings(DownloadSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Sets the bounds on what extracting one archive may write; {@link ArchiveLimits#DEFAULT} otherwise. */
        public Builder archiveLimits(ArchiveLimits limits) {
            this.archiveLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Adds a file declared by {@code source} (a phrase for messages); the same declaration twice is fine. */
        public Builder add(DataFile file, String source) {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(source, "source");
            HubEntry entry = new HubEntry(file, source);
            List<HubEntry> claimants = claims.computeIfAbsent(file.name(), n -> new ArrayList<>());
            claimants.add(entry);
            if (claimants.stream().allMatch(c -> c.file().equals(file))) {
                entries.putIfAbsent(file.name(), entry);
                return this;
            }
            entries.remove(file.name());
            StringBuilder sb = new StringBuilder("the data-hub file '").append(file.name()).append("' is declared differently by ");
            for (int i = 0; i < claimants.size(); i++) {
                HubEntry c = claimants.get(i);
                sb.append(i == 0 ? "" : " and by ").append(c.source()).append(" (").append(origin(c.file()))
                        .append(", SHA-1 ").append(c.file().sha1()).append(')');
            }
            conflicts.put(file.name(), sb.append("; remove one of them to use the name").toString());
            return this;
        }

        /** Adds a file registered directly, for tests and embedding. */
        public Builder add(DataFile file) {
            return add(file, "registered directly");
        }

        /**
         * Adds the files that every dataset plugin of {@code registry} declares. A plugin whose
         * {@link DatasetSource#files()} fails becomes a problem; the other plugins still contribute.
         */
        public Builder addPlugins(PluginRegistry registry) {
            return addPlugins(registry.all());
        }

        /** Adds the files that every dataset plugin among {@code plugins} declares, as {@link #addPlugins(PluginRegistry)} does. */
        public Builder addPlugins(List<PluginDescriptor> plugins) {
            for (PluginDescriptor d : plugins) {
                if (d.kind() != PluginKind.DATASET) {
                    continue;
                }
                String source = "dataset plugin '" + d.name() + "' (" + d.origin() + ")";
                List<DataFile> files;
                try {
                    files = Plugins.call(d, () -> List.copyOf(((DatasetSource) d.plugin()).files()));
                } catch (DjxException e) {
                    problems.add(source + " failed to list its data-hub files: " + e.getMessage());
                    continue;
                }
                for (DataFile f : files) {
                    add(f, source);
                }
            }
            return this;
        }

        /** Returns the hub. */
        public DataHub build() {
            return new DataHub(this);
        }

        private Builder copy() {
            Builder b = new Builder(cache).settings(settings).archiveLimits(archiveLimits);
            b.entries.putAll(entries);
            claims.forEach((name, list) -> b.claims.put(name, new ArrayList<>(list)));
            b.conflicts.putAll(conflicts);
            b.problems.addAll(problems);
            return b;
        }
    }
}
