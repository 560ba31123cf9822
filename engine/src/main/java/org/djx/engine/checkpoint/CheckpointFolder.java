package org.djx.engine.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.Objects;
import java.util.Set;
import org.djx.api.ConfigurationException;
import org.djx.engine.io.Digests;
import org.djx.engine.io.IoReasons;
import org.djx.engine.model.Network;
import org.djx.engine.report.RunFolder;
import org.djx.engine.train.Checkpoints;
import org.djx.engine.train.TrainerState;

/**
 * The {@code checkpoints} folder of a run: one file per fit, {@code NAME.safetensors}, replaced atomically at each
 * checkpoint. A run that is started again in the same folder finds each fit's last checkpoint there and goes on
 * from it; a fit that had ended is not trained again. The files stay after the run, each the fit's final state.
 */
public final class CheckpointFolder {
    /** The folder's name inside a run folder. */
    public static final String NAME = "checkpoints";

    /**
     * The training section's key that turns checkpoints on (every that many epochs), in the tasks that take it: one
     * spelling for the tasks that read it, the reader that refuses it in a sweep, and the runner that prepares the folder.
     */
    public static final String TRAINING_KEY = "checkpoint-every";

    /** The copy of the experiment file that {@code djx run --resume RUN_FOLDER} runs. */
    public static final String EXPERIMENT = "experiment.json";

    private final Path folder;
    private final String experiment;
    private final String copy;
    private final Supplier<Map<String, String>> data;
    private final Set<String> opened = new HashSet<>();

    /**
     * @param folder     the checkpoints folder
     * @param experiment the fingerprint of the experiment, which every checkpoint records and must match on reading
     * @param copy       the experiment file to keep beside the checkpoints (as {@link #EXPERIMENT}), from which the run
     *                   resumes
     * @param data       the SHA-256 of each local data file the run has read, by the path the experiment gives: a
     *                   checkpoint records them, and a run whose files changed since does not take it
     */
    public CheckpointFolder(Path folder, String experiment, String copy, Supplier<Map<String, String>> data) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        this.copy = Objects.requireNonNull(copy, "copy");
        this.data = Objects.requireNonNull(data, "data");
    }

    /**
     * Makes the folder ready for a run that keeps checkpoints, before the run does anything else: creates it, writes the
     * experiment's copy (once), so that a run stopped at any moment can be resumed, and removes the partial files of
     * saves an earlier run was stopped in (which no later save would replace, their names being unique). A run that
     * keeps checkpoints calls this before its first save.
     */
    public void start() {
        try {
            Files.createDirectories(folder);
            if (!Files.isRegularFile(folder.resolve(EXPERIMENT))) {
                RunFolder.resume(folder).writeText(EXPERIMENT, copy);
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path p : files.filter(f -> f.getFileName().toString().startsWith(".")
                        && f.getFileName().toString().endsWith(".part")).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new ConfigurationException("cannot prepare " + folder + " for checkpoints: " + IoReasons.of(e, folder));
        }
    }

    /** The ending of a checkpoint's file name. */
    private static final String SUFFIX = ".safetensors";

    /** Returns one text that changes when any local data file the run read changes: each path with its SHA-256. */
    private String dataDigest() {
        Map<String, String> files = new TreeMap<>(data.get());
        if (files.isEmpty()) {
            return "no local files";
        }
        StringBuilder text = new StringBuilder();
        files.forEach((path, sha256) -> text.append(path).append(' ').append(sha256).append('\n'));
        return Digests.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the checkpoints of fit {@code fit}, saved every {@code every} epochs and when it ends.
     *
     * @param fit a name for the fit, unique in the run, such as {@code fold-2}; letters, digits, '-', '_' and '.'
     * @throws IllegalStateException if the run opened this fit's checkpoints already: two fits would share a file
     */
    public Checkpoints fit(String fit, int every) {
        if (!fit.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a fit's name is a file name of letters, digits, '-', '_' and '.', found '" + fit + "'");
        }
        if (every < 1) {
            throw new IllegalArgumentException("checkpoints come every 1 or more epochs, found " + every);
        }
        synchronized (opened) {
            if (!opened.add(fit)) {
                throw new IllegalStateException("two fits of one run both keep their checkpoints as '" + fit + "'");
            }
        }
        Path file = folder.resolve(fit + SUFFIX);
        return new Checkpoints() {
            @Override
            public TrainerState last(Network network) {
                return Files.isRegularFile(file) ? CheckpointFile.read(file, fit, experiment, dataDigest(), network.parameters())
                        : null;
            }

            @Override
            public boolean due(int epoch) {
                return epoch % every == 0;
            }

            @Override
            public void save(TrainerState state) {
                CheckpointFile.write(file, fit, experiment, dataDigest(), state);
            }

            @Override
            public String where() {
                return file.toString();
            }
        };
    }
}
