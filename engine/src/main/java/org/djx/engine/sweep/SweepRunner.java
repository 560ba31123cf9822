package org.djx.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.djx.api.ConfigurationException;
import org.djx.engine.io.Digests;
import org.djx.engine.io.IoReasons;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.report.Format;
import org.djx.engine.report.RunFolder;
import org.djx.engine.report.RunOutput;
import org.djx.engine.report.RunResult;

/**
 * Runs a sweep's requests through an executor, several at once, and makes its files: a record of every
 * finished run in {@code trials/} (written whole, so a sweep stopped at any moment resumes from them),
 * then {@code trials.csv}, {@code best.json} and the plots. The numbers depend on the plan alone, never on
 * the thread count, the order runs finish in, or how often the sweep was resumed.
 */
public final class SweepRunner {
    /** The folder, inside the run folder, that records each finished run. */
    public static final String RECORDS = "trials";

    /** How the outcome of a run that hit a bug begins. */
    static final String INTERNAL_ERROR = "internal error (a bug in djx or a plugin): ";

    private static final ObjectMapper JSON = new ObjectMapper(JsonDocument.strictFactory()).enable(SerializationFeature.INDENT_OUTPUT);

    private final TrialExecutor executor;
    private final RunOutput out;
    private final int threads;

    public SweepRunner(TrialExecutor executor, RunOutput out, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, found " + threads);
        }
        this.executor = executor;
        this.out = out;
        this.threads = threads;
    }

    /**
     * Runs every request of the plan that {@code folder} does not already record, and returns the sweep's
     * results.
     *
     * @param folder the run folder, or null to keep nothing (and resume nothing)
     */
    public RunResult run(String name, SweepPlan plan, RunFolder folder, Path dataFolder) {
        List<TrialRequest> requests = plan.requests();
        RunFolder records = folder == null ? null : folder.subfolder(RECORDS);
        Map<TrialRequest, TrialOutcome> outcomes = records == null ? new HashMap<>() : recorded(records, plan);
        if (!outcomes.isEmpty()) {
            // With halving not every run of the plan is wanted, so the count of all of them would mislead.
            out.line("resuming: " + outcomes.size() + (plan.rungs().isEmpty() ? " of " + requests.size() : "") + " runs are recorded in "
                    + records.path());
        }
        SweepTable table = new SweepTable(plan);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "djx-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            if (plan.rungs().isEmpty()) {
                runAll(pool, requests, outcomes, records, "sweep", table);
            } else {
                // Successive halving: each rung's promotions follow from the outcomes of the one below, which are
                // the same whether they were computed now or read from the records of an earlier run.
                java.util.Set<Integer> alive = new java.util.TreeSet<>();
                for (int t = 1; t <= plan.points().size(); t++) {
                    alive.add(t);
                }
                for (int rung = 1; rung <= plan.rungs().size(); rung++) {
                    int at = rung;
                    List<TrialRequest> atRung = requests.stream().filter(r -> r.rung() == at && alive.contains(r.trial())).toList();
                    runAll(pool, atRung, outcomes, records, "sweep, rung " + rung + " of " + plan.rungs().size() + " ("
                            + plan.rungs().get(rung - 1) + " epochs)", table);
                    if (rung < plan.rungs().size()) {
                        List<Integer> promoted = table.promoted(outcomes, rung, alive);
                        alive.retainAll(promoted);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        SweepTable.Summary summary = table.summarize(outcomes);
        out.result(summary.line());
        if (folder != null) {
            folder.writeText("trials.csv", summary.csv());
            if (summary.best() != null) {
                folder.writeText("best.json", bestExperiment(plan, summary.best().trial(), dataFolder));
                out.line("wrote " + folder.path().resolve("best.json") + ": trial " + summary.best().trial()
                        + ", runnable on its own");
            }
            summary.plots().forEach(folder::writePlot);
        }
        RunResult.Builder result = RunResult.builder(name);
        summary.results().forEach(result::metric);
        List<SweepTable.Row> failed = summary.ranked().stream().filter(r -> r.status() == TrialOutcome.Status.FAILED).toList();
        failed.stream().filter(r -> r.message().startsWith(INTERNAL_ERROR)).findFirst().ifPresent(r -> {
            throw new IllegalStateException("trial " + r.trial() + " of the sweep failed with an " + r.message()
                    + "; trials.csv has every trial");
        });
        if (summary.best() == null) {
            if (!failed.isEmpty()) {
                throw new ConfigurationException("no trial of the sweep completed; trial " + failed.get(0).trial() + " failed: "
                        + failed.get(0).message());
            }
            result.diverged("no point of the sweep completed" + (plan.rungs().isEmpty() ? "" : " its last rung") + "; trial "
                    + summary.ranked().get(0).trial() + ": " + summary.ranked().get(0).message());
        }
        return result.build();
    }

    /** Runs the requests not yet recorded, several at once, recording each as it finishes. */
    private void runAll(ExecutorService pool, List<TrialRequest> requests, Map<TrialRequest, TrialOutcome> outcomes,
            RunFolder records, String stage, SweepTable table) {
        List<TrialRequest> remaining = requests.stream().filter(r -> !outcomes.containsKey(r)).toList();
        CompletionService<Map.Entry<TrialRequest, TrialOutcome>> done = new ExecutorCompletionService<>(pool);
        for (TrialRequest r : remaining) {
            done.submit(() -> Map.entry(r, runOne(r)));
        }
        for (int i = 0; i < remaining.size(); i++) {
            Map.Entry<TrialRequest, TrialOutcome> finished = take(done);
            outcomes.put(finished.getKey(), finished.getValue());
            if (records != null) {
                record(records, finished.getKey(), finished.getValue());
            }
            // Counted in this session alone, so that the time left is estimated from the runs this session ran.
            out.progress(stage, i + 1, remaining.size(), table.bestSoFar(outcomes));
        }
    }

    /** Runs one request; whatever escapes the executor is that run's failure, not the sweep's. */
    private TrialOutcome runOne(TrialRequest request) {
        long start = System.nanoTime();
        try {
            return executor.run(request);
        } catch (ExecutorStoppedException e) {
            throw e;
        } catch (RuntimeException e) {
            // An executor reports a run's own failures as outcomes: what escapes it is a bug, told apart by its prefix.
            StackTraceElement[] at = e.getStackTrace();
            return new TrialOutcome(TrialOutcome.Status.FAILED, Map.of(), INTERNAL_ERROR + e
                    + (at.length > 0 ? " at " + at[0] : ""), (System.nanoTime() - start) / 1e9);
        }
    }

    private static Map.Entry<TrialRequest, TrialOutcome> take(CompletionService<Map.Entry<TrialRequest, TrialOutcome>> done) {
        try {
            Future<Map.Entry<TrialRequest, TrialOutcome>> next = done.take();
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a run of the sweep", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (e.getCause() instanceof ExecutorStoppedException stopped) {
                // No table and no best.json from a sweep whose runs stopped: it resumes from its records.
                throw stopped;
            }
            throw new IllegalStateException("a run of the sweep failed", e.getCause());
        }
    }

    /** Returns the best point's experiment, its first seed, as a file that runs on its own. */
    private static String bestExperiment(SweepPlan plan, int trial, Path dataFolder) {
        // The last rung's run, with the experiment's own epochs, when the sweep halves.
        TrialRequest first = plan.requests().stream().filter(r -> r.trial() == trial && r.repeat() == 0
                && r.rung() == plan.rungs().size()).findFirst().orElseThrow();
        try {
            ObjectNode best = (ObjectNode) JSON.readTree(first.experiment());
            // It is written into the run folder: it names the folder its relative data paths start from.
            best.put("data-folder", dataFolder.toString());
            return JSON.writeValueAsString(best) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("the request of trial " + trial + " is not JSON", e);
        }
    }

    /** Writes the record of one finished run, whole or not at all. */
    private static void record(RunFolder records, TrialRequest request, TrialOutcome outcome) {
        ObjectNode node = JSON.createObjectNode();
        node.put("trial", request.trial()).put("repeat", request.repeat()).put("rung", request.rung())
                .put("experiment-sha256", sha256(request.experiment()));
        node.setAll(TrialCodec.outcome(outcome));
        records.writeText(request.recordName(), node.toPrettyString() + "\n");
    }

    /**
     * Checks that {@code folder} is new or holds this sweep: its copy of the sweep's file must be this one, and every
     * record one of its runs. Throws a ConfigurationException, saying which, before anything in the folder changes.
     */
    public static void checkFolder(RunFolder folder, SweepPlan plan, String sweepFile) {
        Path copy = folder.path().resolve("sweep.json");
        if (Files.isRegularFile(copy)) {
            try {
                if (!withoutDataFolder(JSON.readTree(Files.readString(copy, StandardCharsets.UTF_8)))
                        .equals(withoutDataFolder(JSON.readTree(sweepFile)))) {
                    throw new ConfigurationException(folder.path() + " holds another sweep: its sweep.json differs from this"
                            + " file; give a new folder with --out, or continue that sweep with djx run --resume " + folder.path());
                }
            } catch (IOException e) {
                throw new ConfigurationException("cannot read " + copy + ": " + IoReasons.of(e, copy));
            }
        }
        Path records = folder.path().resolve(RECORDS);
        if (Files.isDirectory(records)) {
            recorded(folder.subfolder(RECORDS), plan);
        }
    }

    /** Returns the sweep file without where its data is, which a copy made before data-folder existed lacks. */
    private static JsonNode withoutDataFolder(JsonNode sweepFile) {
        if (sweepFile instanceof ObjectNode o) {
            ObjectNode copy = o.deepCopy();
            copy.remove("data-folder");
            return copy;
        }
        return sweepFile;
    }

    /** Reads the records an earlier run of this sweep left; a record of another sweep stops the run. */
    private static Map<TrialRequest, TrialOutcome> recorded(RunFolder records, SweepPlan plan) {
        Map<String, TrialRequest> byName = new LinkedHashMap<>();
        plan.requests().forEach(r -> byName.put(r.recordName(), r));
        Map<TrialRequest, TrialOutcome> found = new HashMap<>();
        List<Path> files = new ArrayList<>();
        try (var list = Files.list(records.path())) {
            list.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith("."))
                    .sorted().forEach(files::add);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read " + records.path() + ": " + IoReasons.of(e, records.path()));
        }
        for (Path file : files) {
            TrialRequest request = byName.get(file.getFileName().toString());
            if (request == null) {
                throw new ConfigurationException(file + " records a run this sweep does not have; resume a sweep in its own"
                        + " run folder, or give a new folder");
            }
            try {
                JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
                if (!sha256(request.experiment()).equals(node.path("experiment-sha256").asText())) {
                    throw new ConfigurationException(file + " records trial " + request.trial() + " of a different experiment:"
                            + " the sweep or its experiment changed since; give a new folder");
                }
                TrialOutcome outcome = TrialCodec.outcome(node);
                // A failure may have been the machine's (a missing file, a full disk): such runs go again.
                if (outcome.status() != TrialOutcome.Status.FAILED) {
                    found.put(request, outcome);
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigurationException(file + " is not a record djx wrote (" + e.getMessage() + "); remove it to run"
                        + " that trial again");
            }
        }
        return found;
    }

    static String sha256(String text) {
        return Digests.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A figure for the console: six significant digits; nothing for NaN, a missing score. */
    static String format(double v) {
        return Double.isNaN(v) ? "" : Format.number(v, 6);
    }
}
