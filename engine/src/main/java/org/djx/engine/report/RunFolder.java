package org.djx.engine.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.StandardOpenOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;
import org.djx.api.ConfigurationException;
import org.djx.engine.io.IoReasons;
import org.djx.engine.io.PartFiles;

/**
 * The folder a run writes its files into. Every file is written under a temporary name and moved into
 * place when complete, so no file under its final name is ever half-written.
 */
public final class RunFolder {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path path;

    private RunFolder(Path path) {
        this.path = path;
    }

    /** Creates {@code parent/<name>-<yyyyMMdd-HHmmss>}, adding {@code -2}, {@code -3}... if taken. */
    public static RunFolder createUnder(Path parent, String name, LocalDateTime now) {
        String base = name.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + STAMP.format(now);
        try {
            Files.createDirectories(parent);
            for (int n = 1; ; n++) {
                Path candidate = parent.resolve(n == 1 ? base : base + "-" + n);
                try {
                    return new RunFolder(Files.createDirectory(candidate));
                } catch (FileAlreadyExistsException taken) {
                    // another run started in the same second: try the next suffix
                }
            }
        } catch (IOException e) {
            throw new ConfigurationException("cannot create a run folder under " + parent + ": " + IoReasons.of(e)
                    + "; choose another place with --out");
        }
    }

    /**
     * Uses {@code path} as the run folder; it must not exist yet or be empty, so that a run never mixes
     * its files with another's.
     */
    public static RunFolder at(Path path) {
        try {
            if (Files.exists(path)) {
                if (!Files.isDirectory(path)) {
                    throw new ConfigurationException("the output folder " + path + " is a file; give a folder that does not exist yet");
                }
                try (Stream<Path> entries = Files.list(path)) {
                    // A lone lock is what a run killed as it began leaves: the folder holds nothing of it.
                    if (entries.anyMatch(p -> !p.getFileName().toString().equals(LOCK_FILE))) {
                        throw new ConfigurationException("the output folder " + path
                                + " already exists and is not empty; give a new folder, or remove this one first");
                    }
                }
            }
            return new RunFolder(Files.createDirectories(path));
        } catch (IOException e) {
            throw new ConfigurationException("cannot create the output folder " + path + ": " + IoReasons.of(e, path));
        }
    }

    public Path path() {
        return path;
    }

    /**
     * Returns the folder {@code name} inside this one, created if need be, for files a run keeps apart (the
     * record of each run of a sweep); a folder that is already there is used as it is.
     */
    public RunFolder subfolder(String name) {
        Path sub = path.resolve(name);
        try {
            return new RunFolder(Files.createDirectories(sub));
        } catch (IOException e) {
            throw new ConfigurationException("cannot create the folder " + sub + ": " + IoReasons.of(e, sub));
        }
    }

    /**
     * Uses the existing run folder {@code path} again, for a run that resumes what an earlier one left there.
     */
    public static RunFolder resume(Path path) {
        if (!Files.isDirectory(path)) {
            throw new ConfigurationException("cannot resume in " + path + ": " + (Files.exists(path) ? "it is a file"
                    : "there is no such folder") + "; give the run folder of the run or sweep to resume");
        }
        return new RunFolder(path);
    }

    /** The folder held for one run; closing it lets the next one in. */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final Path file;

        private Lock(FileChannel channel, Path file) {
            this.channel = channel;
            this.file = file;
        }

        /** Removes the lock file, so that a finished run leaves only its own files, and releases the lock. */
        @Override
        public void close() {
            deleteQuietly(file);
            try {
                // Closing the channel releases its lock.
                channel.close();
            } catch (IOException ignored) {
                // the operating system releases the lock with the process in any case
            } finally {
                HELD.remove(file);
            }
        }
    }

    /** The file whose lock says that a run is working in the folder. */
    static final String LOCK_FILE = ".lock";

    /**
     * Holds the folder for one run at a time, across processes: a second djx that would work in it at once (a resume
     * started while the run still goes on) is refused. The operating system releases the lock when the process ends,
     * however it ends; a run that ends removes the lock file, and one that is killed leaves it, unlocked.
     *
     * @throws ConfigurationException if another run holds the folder
     */
    public Lock lock() {
        Path file = path.resolve(LOCK_FILE).toAbsolutePath().normalize();
        // Within one JVM, before any channel: closing a second channel on the file would release the first one's lock.
        if (!HELD.add(file)) {
            throw new ConfigurationException("another djx is running in " + path + " (it holds " + path.resolve(LOCK_FILE)
                    + "); wait for it to end, or give another folder");
        }
        try {
            return lockAcrossProcesses(file);
        } catch (RuntimeException e) {
            HELD.remove(file);
            throw e;
        }
    }

    /** The lock files this JVM holds. */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Lock lockAcrossProcesses(Path file) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock held = channel.tryLock();
            if (held != null) {
                return new Lock(channel, file);
            }
        } catch (OverlappingFileLockException e) {
            // held by this very JVM: the same answer
        } catch (IOException e) {
            throw new ConfigurationException("cannot lock " + file + ": " + IoReasons.of(e, file));
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // refused either way
        }
        throw new ConfigurationException("another djx is running in " + path + " (it holds " + path.resolve(LOCK_FILE)
                + "); wait for it to end, or give another folder");
    }

    /** Something that writes a file's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code fileName} atomically and returns its final path; whatever stops the write, the partial
     * file is removed.
     *
     * @throws ConfigurationException if the file cannot be written (a full disk, a folder in the way), with the
     *                                operating system's reason
     */
    public Path write(String fileName, Content content) {
        Path target = path.resolve(fileName);
        Path temporary = PartFiles.track(path.resolve("." + fileName + ".part"));
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new ConfigurationException("cannot write " + target + ": " + IoReasons.of(e));
        } catch (RuntimeException | Error e) {
            deleteQuietly(temporary);
            throw e;
        } finally {
            PartFiles.done(temporary);
        }
    }

    /** Removes {@code file} if it is there; a failure to is not worth more than the error being reported. */
    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the original failure is the one to report
        }
    }

    /** Writes {@code baseName}.png and {@code baseName}.svg of {@code plot} atomically and returns the PNG's path. */
    public Path writePlot(String baseName, Plot plot) {
        Path png = write(baseName + ".png", o -> PlotWriter.png(plot, o));
        write(baseName + ".svg", o -> PlotWriter.svg(plot, o));
        return png;
    }

    /** Writes a UTF-8 text file atomically and returns its final path. */
    public Path writeText(String fileName, String text) {
        return write(fileName, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
