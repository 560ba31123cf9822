package org.djx.engine.task;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.djx.api.data.DataContext;
import org.djx.api.spi.Kernels;
import org.djx.engine.checkpoint.CheckpointFolder;
import org.djx.engine.random.RandomStreams;
import org.djx.engine.report.MetricsLog;
import org.djx.engine.report.Plot;
import org.djx.engine.report.RunFolder;
import org.djx.engine.report.RunOutput;
import org.djx.engine.train.Checkpoints;

/**
 * What every task runs with: the experiment's name and seed, the kernels, where to report, the run folder
 * for its files, the data hub, and how many independent trials may run at once.
 */
public final class TaskContext {
    private final String name;
    private final long seed;
    private final Supplier<Kernels> kernels;
    private final Kernels own;
    private final RunOutput out;
    private final RunFolder folder;
    private final DataContext data;
    private final int threads;
    private final MetricsLog metrics;
    private final CheckpointFolder checkpointFolder;
    private final int checkpointEvery;

    /**
     * @param kernels makes the kernels of one thread; a trial on another thread gets its own
     * @param folder  the run folder, or null when nothing is to be written (the files are then skipped)
     * @param threads how many independent trials (folds) may run at once
     * @param metrics where the per-epoch figures go as they are computed
     */
    public TaskContext(String name, long seed, Supplier<Kernels> kernels, RunOutput out, RunFolder folder, DataContext data,
            int threads, MetricsLog metrics) {
        this(name, seed, kernels, kernels.get(), out, folder, data, threads, metrics, null, 0);
    }

    private TaskContext(String name, long seed, Supplier<Kernels> kernels, Kernels own, RunOutput out, RunFolder folder,
            DataContext data, int threads, MetricsLog metrics, CheckpointFolder checkpointFolder, int checkpointEvery) {
        this.name = Objects.requireNonNull(name, "name");
        this.seed = seed;
        this.kernels = Objects.requireNonNull(kernels, "kernels");
        this.own = Objects.requireNonNull(own, "own kernels");
        this.out = Objects.requireNonNull(out, "out");
        this.folder = folder;
        this.data = Objects.requireNonNull(data, "data");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, found " + threads);
        }
        this.threads = threads;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.checkpointFolder = checkpointFolder;
        this.checkpointEvery = checkpointEvery;
    }

    /**
     * Returns this context with the run's checkpoints folder, where the fits of a task that checkpoints keep theirs
     * ({@link #checkpointingEvery}); a run without one keeps none.
     */
    public TaskContext withCheckpointFolder(CheckpointFolder folder) {
        return new TaskContext(name, seed, kernels, own, out, this.folder, data, threads, metrics, folder, checkpointEvery);
    }

    /**
     * Returns this context for a task whose fits save a checkpoint every {@code every} epochs (and as each ends), or
     * none with 0.
     */
    public TaskContext checkpointingEvery(int every) {
        if (every < 0) {
            throw new IllegalArgumentException("checkpoints every " + every + " epochs");
        }
        return new TaskContext(name, seed, kernels, own, out, folder, data, threads, metrics, checkpointFolder, every);
    }

    /**
     * Returns where the fit named {@code fit} (unique in the run, such as {@code fold-2}) keeps its checkpoints, or
     * null when the run keeps none: the task does not checkpoint, or the run writes no folder.
     */
    public Checkpoints checkpoints(String fit) {
        return checkpointFolder == null || checkpointEvery == 0 ? null : checkpointFolder.fit(fit, checkpointEvery);
    }

    /** Returns the experiment's name, which titles its lines and plots. */
    public String name() {
        return name;
    }

    /** Returns the root of every random stream of the run. */
    public RandomStreams streams() {
        return new RandomStreams(seed);
    }

    /** Returns the kernels of this thread. */
    public Kernels kernels() {
        return own;
    }

    /**
     * Returns this context with kernels of its own, for a trial that runs on another thread: kernels may
     * keep scratch buffers, so threads never share them.
     */
    public TaskContext forThread() {
        return new TaskContext(name, seed, kernels, kernels.get(), out, folder, data, threads, metrics, checkpointFolder,
                checkpointEvery);
    }

    public RunOutput out() {
        return out;
    }

    /** Returns where dataset sources get their files. */
    public DataContext data() {
        return data;
    }

    /** Returns how many independent trials may run at once. */
    public int threads() {
        return threads;
    }

    /** Writes a text file into the run folder and says so. */
    public void writeText(String fileName, String text) {
        if (folder != null) {
            Path p = folder.writeText(fileName, text);
            out.line("wrote " + p);
        }
    }

    /**
     * Returns the run's per-epoch figures: what a task records there is in metrics.csv at once, so a run
     * that stops early keeps it. Every thread's context shares one log.
     */
    public MetricsLog metrics() {
        return metrics;
    }

    /** Completes metrics.csv (fold by fold, whatever order the folds ran in) and says so. */
    public void writeMetrics() {
        Path p = metrics.finish();
        if (p != null) {
            out.line("wrote " + p);
        }
    }

    /**
     * Lets {@code writer} write files of its own into the run folder, such as a saved model, and says which; does
     * nothing for a run that writes no files.
     */
    public void writeInto(java.util.function.Consumer<RunFolder> writer, String what) {
        if (folder != null) {
            writer.accept(folder);
            out.line("wrote " + what + " in " + folder.path());
        }
    }

    /** Writes {@code baseName}.png and {@code baseName}.svg of a plot into the run folder and says so. */
    public void writePlot(String baseName, Plot plot) {
        if (folder != null) {
            out.line("wrote " + folder.writePlot(baseName, plot) + " and .svg");
        }
    }
}
