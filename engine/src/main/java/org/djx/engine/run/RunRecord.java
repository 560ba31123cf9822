package org.djx.engine.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djx.api.data.DataFile;
import org.djx.api.spi.DatasetSource;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginOrigin;
import org.djx.engine.report.Expectations;
import org.djx.engine.report.HtmlReport;
import org.djx.engine.report.LinePlot;
import org.djx.engine.report.MetricsLog;
import org.djx.engine.report.RunFolder;
import org.djx.engine.report.RunResult;

/**
 * Writes what a run folder says about its run: status.json first (RUNNING) and last (how it ended),
 * the resolved experiment, and at the end summary.json, provenance.json and report.html. A folder whose
 * status is not COMPLETED never holds a summary that looks complete; a run that failed or was interrupted
 * still gets a report.html with its curves up to the stop and the reason.
 */
final class RunRecord {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final RunFolder folder;
    private final Experiment experiment;
    private final MetricsLog metrics;
    private final ExperimentData datasets;
    private final Instant started;
    private boolean ended;

    private RunRecord(RunFolder folder, Experiment experiment, MetricsLog metrics, ExperimentData datasets, Instant started) {
        this.folder = folder;
        this.experiment = experiment;
        this.metrics = metrics;
        this.datasets = datasets;
        this.started = started;
    }

    /**
     * Marks the folder RUNNING, its first file, and writes the resolved experiment.
     *
     * @param metrics  the run's per-epoch figures, which a report of a stopped run draws
     * @param datasets the data the run uses; the files it fetched and read are listed when the run ends
     */
    static RunRecord start(RunFolder folder, Experiment experiment, MetricsLog metrics, ExperimentData datasets) {
        RunRecord record = new RunRecord(folder, experiment, metrics, datasets, Instant.now());
        // A folder run again (a resume) must not keep the summary of its last run beside a status that says RUNNING.
        RunFolder.deleteQuietly(folder.path().resolve("summary.json"));
        record.status(RunStatus.RUNNING, null);
        try {
            folder.writeText("experiment.json", experiment.resolved() + "\n");
        } catch (RuntimeException e) {
            RuntimeException unwritten = record.fail(RunStatus.FAILED, e.getMessage());
            if (unwritten != null) {
                e.addSuppressed(unwritten);
            }
            throw e;
        }
        return record;
    }

    /**
     * Writes the summary, provenance and report, then the final status, unless the run already ended.
     *
     * @return false when it had: the run was interrupted as it ended, and the folder keeps that status
     */
    synchronized boolean finish(RunResult result, List<Expectations.Outcome> outcomes) {
        if (ended) {
            // Interrupted just before the end: no summary that says COMPLETED beside a status that says INTERRUPTED.
            return false;
        }
        Instant finished = Instant.now();
        RunStatus status = result.diverged() ? RunStatus.DIVERGED : RunStatus.COMPLETED;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("experiment", experiment.name());
        summary.put("task", experiment.task().name());
        summary.put("status", status.name());
        summary.put("started", started.toString());
        summary.put("finished", finished.toString());
        summary.put("seconds", Duration.between(started, finished).toMillis() / 1000.0);
        summary.put("results", finite(result.metrics()));
        List<Map<String, Object>> expectations = new ArrayList<>();
        for (Expectations.Outcome o : outcomes) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("result", o.expectation().metric());
            e.put("band", o.expectation().band());
            e.put("value", Double.isFinite(o.value()) ? o.value() : null);
            e.put("held", o.held());
            expectations.add(e);
        }
        summary.put("expectations", expectations);
        summary.put("all-expectations-held", outcomes.stream().allMatch(Expectations.Outcome::held));
        if (result.training() != null) {
            summary.put("stopped-because", result.training().reason().explanation());
        }
        Map<String, Object> provenance = provenance();
        try {
            if (result.diverged()) {
                // A task stops at the divergence, before its own plots: draw what it computed up to there.
                drawCurvesSoFar();
            }
            folder.writeText("provenance.json", json(provenance));
            folder.writeText("report.html", HtmlReport.render(experiment.name(), experiment.description(), status.name(),
                    result.divergence(), experiment.resolved(), result.metrics(), outcomes.stream().map(o -> new HtmlReport.Band(
                            o.expectation().metric(), o.expectation().band(), o.value(), o.held())).toList(),
                    provenance, folder.path()));
            // The summary, which says the run completed, comes last before the status that confirms it.
            folder.writeText("summary.json", json(summary));
            status(status, result.diverged() ? result.divergence() : null);
            return true;
        } catch (RuntimeException e) {
            // Never a summary that says COMPLETED beside a status that does not.
            RunFolder.deleteQuietly(folder.path().resolve("summary.json"));
            throw e;
        }
    }

    /**
     * Marks the run FAILED or INTERRUPTED, with what stopped it, and writes a report of what it computed until
     * then: its curves so far, the reason, the experiment.
     *
     * @return the failure to write status.json, to add to the error being reported (which stays the first), or
     *         null when it was written
     */
    RuntimeException fail(RunStatus status, String why) {
        try {
            if (!status(status, why)) {
                return null;
            }
        } catch (RuntimeException e) {
            return e;
        }
        try {
            reportStopped(status, why);
        } catch (RuntimeException | Error e) {
            // The status says how the run ended; a report that cannot be written adds nothing to that.
            RunFolder.deleteQuietly(folder.path().resolve("report.html"));
        }
        return null;
    }

    private void reportStopped(RunStatus status, String why) {
        drawCurvesSoFar();
        folder.writeText("report.html", HtmlReport.render(experiment.name(), experiment.description(), status.name(), why,
                experiment.resolved(), Map.of(), List.of(), provenance(), folder.path()));
    }

    private void drawCurvesSoFar() {
        for (LinePlot plot : metrics.plots(experiment.name() + ": until the run stopped")) {
            folder.writePlot(plots(plot.yLabel()), plot);
        }
    }

    /** Names the plot of one metric's curves in a stopped run's folder. */
    private static String plots(String metric) {
        return "until-stopped-" + metric.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * Writes status.json; the first way the run ends is the one it keeps (Ctrl-C, then the failure it causes).
     *
     * @return whether this call set the status, false when the run had already ended
     */
    private synchronized boolean status(RunStatus status, String why) {
        if (ended) {
            return false;
        }
        // Set before writing: if the write fails, no later ending replaces the first one.
        ended = status != RunStatus.RUNNING;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("status", status.name());
        s.put("experiment", experiment.name());
        s.put("started", started.toString());
        if (status != RunStatus.RUNNING) {
            s.put("ended", Instant.now().toString());
        }
        if (why != null) {
            s.put("reason", why);
        }
        String text = json(s);
        try {
            folder.writeText("status.json", text);
        } catch (RuntimeException e) {
            // A full disk has no block for a new file, but rewriting the status already there needs none: a folder
            // must not keep saying RUNNING after its run ended.
            Path file = folder.path().resolve("status.json");
            if (!Files.isRegularFile(file)) {
                throw e;
            }
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException again) {
                throw e;
            }
        }
        return true;
    }

    private Map<String, Object> provenance() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("experiment-file", experiment.file());
        p.put("experiment-sha256", experiment.source().sha256());
        p.put("seed", experiment.seed());
        List<Map<String, Object>> plugins = new ArrayList<>();
        Map<String, String> declaredSha1 = new LinkedHashMap<>();
        for (PluginDescriptor d : experiment.plugins()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("kind", d.kind().label());
            e.put("name", d.name());
            e.put("module", d.origin().module());
            e.put("version", d.origin().version());
            e.put("location", d.origin().location());
            plugins.add(e);
            if (d.plugin() instanceof DatasetSource source) {
                for (DataFile f : source.files()) {
                    declaredSha1.put(f.name(), f.sha1());
                }
            }
        }
        p.put("plugins", plugins);
        List<Map<String, Object>> files = new ArrayList<>();
        for (DataFile f : experiment.dataFiles()) {
            declaredSha1.put(f.name(), f.sha1());
        }
        datasets.fetched().forEach((name, path) -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", name);
            f.put("path", path);
            f.put("sha1", declaredSha1.getOrDefault(name, "unknown"));
            files.add(f);
        });
        p.put("data-files", files);
        if (experiment.model() != null && experiment.model().weights() != null) {
            p.put("weights-from", experiment.model().weights().file() + " (" + experiment.model().weights().provenance() + ")");
        }
        List<Map<String, Object>> locals = new ArrayList<>();
        datasets.locals().forEach((path, file) -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("path", path);
            f.put("resolved", file.path());
            f.put("sha256", file.sha256());
            locals.add(f);
        });
        if (!locals.isEmpty()) {
            p.put("local-files", locals);
        }
        p.put("djx-version", PluginOrigin.of(RunRecord.class).version());
        p.put("java", System.getProperty("java.vendor") + " " + Runtime.version());
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        return p;
    }

    private static Map<String, Object> finite(Map<String, Double> metrics) {
        Map<String, Object> out = new LinkedHashMap<>();
        // JSON has no NaN or infinity: such a result is written as its name in a string.
        metrics.forEach((k, v) -> out.put(k, Double.isFinite(v) ? v : String.valueOf(v)));
        return out;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialize", e);
        }
    }
}
