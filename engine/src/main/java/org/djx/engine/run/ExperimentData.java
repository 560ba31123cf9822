package org.djx.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djx.api.DataException;
import org.djx.api.data.DataContext;
import org.djx.api.data.DataFile;
import org.djx.engine.data.DataHub;
import org.djx.engine.io.Digests;
import org.djx.engine.io.IoReasons;

/**
 * The data one experiment sees: the hub with the files the experiment declares itself, and local files named
 * relative to the experiment file's folder. Remembers every file a run used, hub files by name and local files
 * with their SHA-256, for its provenance; the trials of a sweep record into their sweep's.
 */
public final class ExperimentData implements DataContext {
    private final DataContext hub;
    private final Path folder;
    // Read by the shutdown hook of an interrupted run, too.
    private final Map<String, String> fetched;
    private final Map<String, LocalFile> locals;

    /** A local file a run read: where it is and what it held. */
    public record LocalFile(String path, String sha256) {
    }

    private ExperimentData(DataContext hub, Path folder, Map<String, String> fetched, Map<String, LocalFile> locals) {
        this.hub = hub;
        this.folder = folder.toAbsolutePath().normalize();
        this.fetched = fetched;
        this.locals = locals;
    }

    /**
     * Returns the data of an experiment that declares {@code declared} and lives in {@code folder}.
     *
     * @param data the hub (or, in tests, any context); declared files are added to a hub and left to any other
     *             context to know
     */
    public static ExperimentData of(DataContext data, List<DataFile> declared, Path folder) {
        return new ExperimentData(declaring(data, declared), folder, Collections.synchronizedMap(new LinkedHashMap<>()),
                Collections.synchronizedMap(new LinkedHashMap<>()));
    }

    /**
     * Returns the data of one trial of this experiment's sweep: the trial's declared files, paths relative to the
     * same folder, and every file it uses recorded here as well.
     */
    public ExperimentData forTrial(List<DataFile> declared) {
        return new ExperimentData(declaring(hub, declared), folder, fetched, locals);
    }

    private static DataContext declaring(DataContext data, List<DataFile> declared) {
        return data instanceof DataHub hub ? declaring(hub, declared) : data;
    }

    /** Returns {@code hub} with the files an experiment declares in its data-hub section. */
    static DataHub declaring(DataHub hub, List<DataFile> declared) {
        return declared.isEmpty() ? hub : hub.withFiles(declared, "the experiment's data-hub section");
    }

    @Override
    public Path fetch(String name) {
        Path path = hub.fetch(name);
        fetched.put(name, path.toString());
        return path;
    }

    @Override
    public Path extract(String name) {
        Path path = hub.extract(name);
        fetched.put(name, path.toString());
        return path;
    }

    @Override
    public Path local(String path) {
        Path file;
        try {
            file = folder.resolve(path).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new DataException("the data file '" + path + "' is not a valid path: " + e.getReason());
        }
        String where = "the data file '" + path + "'" + (Path.of(path).isAbsolute() ? "" : " (" + file
                + ", relative to the experiment file's folder " + folder + ")");
        if (!Files.exists(file)) {
            throw new DataException(where + " does not exist. Check the path; a relative path starts at the folder of the"
                    + " experiment file, not at the current directory.");
        }
        if (!Files.isRegularFile(file)) {
            throw new DataException(where + " is not a regular file; name a CSV file.");
        }
        try {
            String sha256 = Digests.sha256(file);
            locals.put(path, new LocalFile(file.toString(), sha256));
        } catch (IOException e) {
            throw new DataException(where + " cannot be read: " + IoReasons.of(e, file) + ".", e);
        }
        return file;
    }

    /** Returns the hub files used so far, by name, with their local paths. */
    public Map<String, String> fetched() {
        synchronized (fetched) {
            return new LinkedHashMap<>(fetched);
        }
    }

    /**
     * Records local files a run read elsewhere (a cluster's executor), with the SHA-256 of the bytes it read there, for
     * the provenance of the sweep.
     *
     * @return null, or what differs when a path was read before as other bytes (each machine had its own copy)
     */
    public String recordReadElsewhere(Map<String, String> sha256ByPath) {
        synchronized (locals) {
            for (Map.Entry<String, String> e : sha256ByPath.entrySet()) {
                LocalFile known = locals.get(e.getKey());
                if (known != null && !known.sha256().equals(e.getValue())) {
                    return "the run read " + e.getKey() + " as bytes of SHA-256 " + e.getValue() + ", but an earlier run read"
                            + " it as " + known.sha256() + ": the executors' copies of the file differ; give every executor"
                            + " the same file";
                }
            }
            sha256ByPath.forEach((path, sha256) -> locals.putIfAbsent(path,
                    new LocalFile(folder.resolve(path).normalize().toString(), sha256)));
            return null;
        }
    }

    /** Returns the local files used so far, by the path the experiment wrote. */
    public Map<String, LocalFile> locals() {
        synchronized (locals) {
            return new LinkedHashMap<>(locals);
        }
    }
}
