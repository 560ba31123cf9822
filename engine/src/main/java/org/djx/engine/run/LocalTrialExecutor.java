package org.djx.engine.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.djx.api.DjxException;
import org.djx.api.data.DataContext;
import org.djx.api.spi.Kernels;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.report.MetricsLog;
import org.djx.engine.report.RunResult;
import org.djx.engine.sweep.TrialExecutor;
import org.djx.engine.sweep.TrialOutcome;
import org.djx.engine.sweep.TrialRequest;
import org.djx.engine.task.TaskContext;

/**
 * Runs a sweep's runs in this JVM: reads the request's experiment as any file is read, and runs its task on
 * one thread (the sweep runs several trials at once instead), printing nothing and writing no files.
 */
public final class LocalTrialExecutor implements TrialExecutor {
    private final ExperimentReader reader;
    private final Supplier<Kernels> kernels;
    private final DataContext data;

    public LocalTrialExecutor(ExperimentReader reader, Supplier<Kernels> kernels, DataContext data) {
        this.reader = reader;
        this.kernels = kernels;
        this.data = data;
    }

    @Override
    public TrialOutcome run(TrialRequest request) {
        long start = System.nanoTime();
        ExperimentData trialData = null;
        try {
            Experiment experiment = reader.read(JsonDocument.parse("trial " + request.trial(),
                    request.experiment().getBytes(StandardCharsets.UTF_8)), Path.of("trial.json"));
            // A sweep's trials read local files relative to the sweep's data folder: the sweep's own record of them here,
            // the folder the request names in another process or on another machine.
            trialData = data instanceof ExperimentData sweep ? sweep.forTrial(experiment.dataFiles())
                    : ExperimentData.of(data, experiment.dataFiles(), Path.of(request.dataFolder()));
            RunResult result = experiment.job().run(new TaskContext(experiment.name(), experiment.seed(), kernels, text -> {
            }, null, trialData, 1, MetricsLog.inMemory()));
            return new TrialOutcome(result.diverged() ? TrialOutcome.Status.DIVERGED : TrialOutcome.Status.COMPLETED,
                    result.metrics(), result.diverged() ? result.divergence() : "", seconds(start), readElsewhere(trialData));
        } catch (DjxException e) {
            return new TrialOutcome(TrialOutcome.Status.FAILED, java.util.Map.of(), e.getMessage(), seconds(start),
                    readElsewhere(trialData));
        }
    }

    /**
     * Returns the local files a run read with their SHA-256, when it ran apart from its sweep (in another process, on an
     * executor) and the sweep's provenance learns them from the outcome alone; empty for a sweep's run in this JVM,
     * whose files its sweep recorded as they were read.
     */
    private java.util.Map<String, String> readElsewhere(ExperimentData trialData) {
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        if (trialData != null && !(data instanceof ExperimentData)) {
            trialData.locals().forEach((path, file) -> files.put(path, file.sha256()));
        }
        return files;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
