package org.djx.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.djx.api.ConfigurationException;
import org.djx.api.DataException;
import org.djx.api.data.DataContext;
import org.djx.api.spi.Kernels;
import org.djx.engine.checkpoint.CheckpointFolder;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.io.Digests;
import org.djx.engine.io.IoReasons;
import org.djx.engine.plugin.Resources;
import org.djx.engine.report.Expectations;
import org.djx.engine.report.MetricsLog;
import org.djx.engine.report.RunFolder;
import org.djx.engine.report.RunOutput;
import org.djx.engine.report.RunResult;
import org.djx.engine.sweep.SweepRunner;
import org.djx.engine.sweep.ExecutorStoppedException;
import org.djx.engine.sweep.TrialExecutor;
import org.djx.engine.sweep.TrialOutcome;
import org.djx.engine.task.TaskContext;

/** Runs a checked experiment's job, records its run folder, and checks its expectations. */
public final class ExperimentRunner {
    /** The copy of a sweep's file in its run folder, which {@code djx run --resume FOLDER} runs. */
    public static final String SWEEP_FILE = "sweep.json";

    private final Supplier<Kernels> kernels;
    private final RunOutput out;
    private final DataContext data;
    private final int threads;
    private final Function<DataContext, TrialExecutor> trials;
    private volatile RunRecord active;

    /** Creates a runner for experiments that load no dataset. */
    public ExperimentRunner(Supplier<Kernels> kernels, RunOutput out) {
        this(kernels, out, new DataContext() {
            @Override
            public java.nio.file.Path fetch(String name) {
                throw new DataException("no data hub is configured, so '" + name + "' cannot be fetched");
            }

            @Override
            public java.nio.file.Path extract(String name) {
                throw new DataException("no data hub is configured, so '" + name + "' cannot be extracted");
            }
        });
    }

    /** Creates a runner whose dataset sources fetch their files from {@code data}. */
    public ExperimentRunner(Supplier<Kernels> kernels, RunOutput out, DataContext data) {
        this(kernels, out, data, Runtime.getRuntime().availableProcessors());
    }

    private ExperimentRunner(Supplier<Kernels> kernels, RunOutput out, DataContext data, int threads) {
        this(kernels, out, data, threads, null);
    }

    private ExperimentRunner(Supplier<Kernels> kernels, RunOutput out, DataContext data, int threads,
            Function<DataContext, TrialExecutor> trials) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, found " + threads);
        }
        this.kernels = kernels;
        this.out = out;
        this.data = data;
        this.threads = threads;
        this.trials = trials;
    }

    /** Returns a runner that runs the trials of a sweep with {@code executor}. */
    public ExperimentRunner withTrials(TrialExecutor executor) {
        return new ExperimentRunner(kernels, out, data, threads, d -> executor);
    }

    /**
     * Returns a runner that runs the trials of a sweep with the executor {@code executors} makes from the run's data
     * context, which records the files the trials fetch for the sweep's provenance.
     */
    public ExperimentRunner withTrialsFrom(Function<DataContext, TrialExecutor> executors) {
        return new ExperimentRunner(kernels, out, data, threads, executors);
    }

    /**
     * Returns a runner whose sweeps run their runs on {@code executor}, in other processes or on other machines: the
     * files they read are named in their outcomes, and the sweep's provenance records them from there.
     */
    public ExperimentRunner withTrialsElsewhere(TrialExecutor executor) {
        return withTrialsFrom(recording -> request -> {
            TrialOutcome outcome = executor.run(request);
            if (recording instanceof ExperimentData sweep) {
                String conflict = sweep.recordReadElsewhere(outcome.localFiles());
                if (conflict != null) {
                    // The same path, other bytes: the run did not run the sweep's experiment.
                    return new TrialOutcome(TrialOutcome.Status.FAILED, java.util.Map.of(), conflict, outcome.seconds(),
                            outcome.localFiles());
                }
            }
            return outcome;
        });
    }

    /**
     * Returns a runner that runs at most {@code threads} independent trials (the folds of a k-fold run)
     * at once; the results are the same for every thread count, bit for bit.
     */
    public ExperimentRunner withThreads(int threads) {
        return new ExperimentRunner(kernels, out, data, threads, trials);
    }

    /** Runs the experiment without writing files. */
    public RunResult run(Experiment experiment) {
        return run(experiment, null);
    }

    /**
     * Runs the experiment's task, writing its files into {@code folder}: status.json (RUNNING, then
     * how it ended), the resolved experiment, the task's tables and plots, and at the end summary.json,
     * provenance.json and report.html. The verdict on each expectation is printed and returned.
     *
     * @param folder the run folder, or null to write nothing
     */
    public RunResult run(Experiment experiment, RunFolder folder) {
        if (folder == null) {
            return runIn(experiment, null);
        }
        // One process at a time in a folder: two resumes at once would train every fit twice and race for each file.
        RunFolder.Lock lock = folder.lock();
        try {
            return runIn(experiment, folder);
        } finally {
            lock.close();
        }
    }

    private RunResult runIn(Experiment experiment, RunFolder folder) {
        if (experiment.sweep() != null && folder != null) {
            // Before anything in the folder changes: a folder of another sweep, or of another run, stays as it is.
            SweepRunner.checkFolder(folder, experiment.sweep(), experimentCopy(experiment));
        }
        ExperimentData recording = ExperimentData.of(data, experiment.dataFiles(), folderOf(experiment));
        CheckpointFolder checkpoints = experiment.sweep() == null && folder != null ? checkpoints(experiment, folder, recording)
                : null;
        MetricsLog metrics = folder == null ? MetricsLog.inMemory() : MetricsLog.in(folder);
        RunRecord record = folder == null ? null : RunRecord.start(folder, experiment, metrics, recording);
        active = record;
        try {
            RunResult result;
            if (experiment.sweep() != null) {
                if (trials == null) {
                    throw new IllegalStateException("this runner has no trial executor, so it cannot run the sweep " + experiment.name());
                }
                if (folder != null && !Files.exists(folder.path().resolve(SWEEP_FILE))) {
                    folder.writeText(SWEEP_FILE, experimentCopy(experiment));
                }
                result = new SweepRunner(trials.apply(recording), out, threads).run(experiment.name(), experiment.sweep(), folder,
                        folderOf(experiment));
            } else {
                result = experiment.job().run(new TaskContext(experiment.name(), experiment.seed(), kernels, out, folder, recording,
                        threads, metrics).withCheckpointFolder(checkpoints));
            }
            // A task that stopped early (a diverged fold) leaves its figures in the order they came: put them in order.
            metrics.finish();
            for (String name : result.metrics().keySet()) {
                if (!experiment.results().has(name)) {
                    // Expectations were checked against the declared names: a result outside them is a bug in the task.
                    throw new IllegalStateException("task '" + experiment.task().name() + "' produced the result '" + name
                            + "', which it does not declare");
                }
            }
            List<Expectations.Outcome> outcomes = Expectations.evaluate(experiment.expectations(), result.metrics());
            outcomes.forEach(o -> out.result(o.line()));
            if (record != null) {
                if (record.finish(result, outcomes)) {
                    out.result("run folder: " + folder.path() + " (report.html)");
                } else {
                    out.result("run folder: " + folder.path() + " (interrupted as the run ended: status.json says INTERRUPTED,"
                            + " and no summary was written)");
                }
            }
            return result.withExpectations(outcomes);
        } catch (RuntimeException | Error e) {
            metrics.abandon();
            if (record != null) {
                // A stopped executor (Ctrl-C stops Spark through its own hook, perhaps before djx's) is an interruption.
                RunStatus status = e instanceof ExecutorStoppedException ? RunStatus.INTERRUPTED : RunStatus.FAILED;
                RuntimeException unwritten = record.fail(status, e instanceof VirtualMachineError v
                        ? "djx " + Resources.exhausted(v) : e.getMessage() == null ? e.toString() : e.getMessage());
                if (unwritten != null) {
                    // The first error is the one reported; that status.json could not say so comes with it.
                    e.addSuppressed(unwritten);
                }
            }
            throw e;
        } finally {
            active = null;
        }
    }

    /**
     * Returns the run folder's checkpoints folder for {@code experiment}, after checking that checkpoints already there
     * were saved by a run of the same file: a run folder resumes only its own run. For a file that keeps checkpoints, the
     * folder is made ready at once (the file's copy written), so that the run can be resumed whenever it stops.
     *
     * @throws ConfigurationException if the folder keeps another experiment's checkpoints, naming where the files differ
     */
    private static CheckpointFolder checkpoints(Experiment experiment, RunFolder folder, ExperimentData recording) {
        String copy = experimentCopy(experiment);
        Path kept = folder.path().resolve(CheckpointFolder.NAME).resolve(CheckpointFolder.EXPERIMENT);
        if (Files.isRegularFile(kept)) {
            String theirs;
            try {
                theirs = Files.readString(kept, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ConfigurationException("cannot read " + kept + ": " + IoReasons.of(e, kept));
            }
            String difference = firstDifference("$", numbersOf(theirs), numbersOf(copy));
            if (difference != null) {
                throw new ConfigurationException(folder.path() + " holds the checkpoints of another experiment: " + difference
                        + " (" + kept + " is the file it ran); give a new folder with --out, or continue that run with djx"
                        + " run --resume " + folder.path());
            }
        }
        CheckpointFolder checkpoints = new CheckpointFolder(folder.path().resolve(CheckpointFolder.NAME),
                Digests.sha256(sorted(numbersOf(copy)).toString().getBytes(StandardCharsets.UTF_8)), copy, () -> {
                    Map<String, String> digests = new LinkedHashMap<>();
                    recording.locals().forEach((path, file) -> digests.put(path, file.sha256()));
                    return digests;
                });
        if (experiment.source().root().path("training").has(CheckpointFolder.TRAINING_KEY)) {
            checkpoints.start();
        }
        return checkpoints;
    }

    /**
     * Returns an experiment's copy without what does not change its numbers: where its files are (data-folder), its
     * name (a file without one takes its file's) and description, its expectations, and how often it saves checkpoints.
     */
    private static JsonNode numbersOf(String copy) {
        JsonNode tree;
        try {
            tree = JSON.readTree(copy);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigurationException("the kept experiment file is not JSON (" + e.getOriginalMessage() + "); give a"
                    + " new folder with --out");
        }
        if (tree instanceof ObjectNode o) {
            o.remove(List.of(DATA_FOLDER, "name", "description", "expect"));
            if (o.get("training") instanceof ObjectNode training) {
                training.remove(CheckpointFolder.TRAINING_KEY);
            }
        }
        return tree;
    }

    /** Returns a copy of {@code node} whose objects list their keys in order: equal trees print alike. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            java.util.List<String> keys = new java.util.ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            java.util.Collections.sort(keys);
            keys.forEach(k -> out.set(k, sorted(node.get(k))));
            return out;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode out = JSON.createArrayNode();
            node.forEach(e -> out.add(sorted(e)));
            return out;
        }
        return node;
    }

    /** Returns where two JSON trees first differ, in words, or null when they are equal. */
    private static String firstDifference(String path, JsonNode kept, JsonNode given) {
        if (kept.equals(given)) {
            return null;
        }
        if (kept.isObject() && given.isObject()) {
            java.util.Set<String> keys = new java.util.TreeSet<>();
            kept.fieldNames().forEachRemaining(keys::add);
            given.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                JsonNode a = kept.get(key);
                JsonNode b = given.get(key);
                String at = path + "." + key;
                if (a == null || b == null) {
                    return "at " + at + " " + (a == null ? "this file has " + b + " and the kept one nothing"
                            : "the kept file has " + a + " and this one nothing");
                }
                String inside = firstDifference(at, a, b);
                if (inside != null) {
                    return inside;
                }
            }
        }
        if (kept.isArray() && given.isArray() && kept.size() == given.size()) {
            for (int i = 0; i < kept.size(); i++) {
                String inside = firstDifference(path + "[" + i + "]", kept.get(i), given.get(i));
                if (inside != null) {
                    return inside;
                }
            }
        }
        return "at " + path + " the kept file has " + kept + " and this one " + given;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Returns the copy of a sweep's file (or a checkpointed run's) for its run folder: the file as given (the runs'
     * experiments are made from it, not from the resolved one), with the name it runs under, which a file without one takes from its file name.
     */
    static String experimentCopy(Experiment experiment) {
        ObjectNode root = ((ObjectNode) experiment.source().root()).deepCopy();
        if (!root.has("name")) {
            root.put("name", experiment.name());
        }
        // The copy lives in the run folder: it names the folder its relative data paths start from.
        root.put(DATA_FOLDER, folderOf(experiment).toString());
        return root.toPrettyString() + "\n";
    }

    /** Returns the folder that the experiment's local data paths are relative to: its data-folder, else its file's. */
    public static Path folderOf(Experiment experiment) {
        Path parent = Path.of(experiment.file()).toAbsolutePath().getParent();
        Path own = parent == null ? Path.of("").toAbsolutePath() : parent;
        JsonNode set = experiment.source().root().get(DATA_FOLDER);
        return set != null && set.isTextual() ? own.resolve(set.asText()).normalize() : own;
    }

    /** The top-level key that says where relative data paths start. */
    static final String DATA_FOLDER = "data-folder";

    /**
     * Marks the run in progress, if any, as INTERRUPTED; for a shutdown hook (Ctrl-C). A run killed
     * outright keeps the status RUNNING, which no finished run has.
     */
    public void markInterrupted() {
        RunRecord record = active;
        if (record != null) {
            record.fail(RunStatus.INTERRUPTED, "stopped by the user before the run ended");
        }
    }
}
