package org.djx.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import org.djx.api.ConfigurationException;
import org.djx.engine.checkpoint.CheckpointFolder;
import org.djx.engine.data.DataHub;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.report.RunFolder;
import org.djx.engine.report.RunResult;
import org.djx.engine.run.ExperimentRunner;
import org.djx.engine.run.LocalTrialExecutor;
import org.djx.engine.sweep.RemoteTrialExecutor;
import org.djx.engine.sweep.TrialExecutorProvider;
import org.djx.engine.tensor.CpuKernels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine;

/** {@code djx run FILE...}: checks every file first, then runs them in order. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs experiment files. All files are checked before the first one runs.")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Experiment files (.json).")
    private List<Path> files = new java.util.ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "The run folder (new or empty); only with a single FILE. Default: runs/<experiment>-<timestamp>.")
    private Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "How many independent trials (the folds of a k-fold run, the runs of a sweep) run at once; the numbers"
                    + " do not depend on it. Default: the number of processors; with --executor spark, the cluster's cores.")
    private Integer threads;

    @Option(names = "--quiet", description = "Print the results alone: no progress and no commentary.")
    private boolean quiet;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the interrupted run or sweep whose run folder is DIR, to the results it would have given"
                    + " uninterrupted. A run (with training.checkpoint-every) goes on from each fit's last checkpoint; a sweep"
                    + " does not run again the runs it recorded as completed or diverged (failed ones it does). Without FILE,"
                    + " the folder's own copy (DIR/checkpoints/experiment.json or DIR/sweep.json) is run.")
    private Path resume;

    @Option(names = "--executor", paramLabel = "NAME", defaultValue = LOCAL,
            description = "Where a sweep's runs happen: local (in this JVM, the default), or spark (as tasks on a Spark"
                    + " cluster, with the same results; needs Spark, see the README).")
    private String executor;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --executor spark: the cluster's master, such as local[2] or spark://HOST:7077. By default"
                    + " Spark's own setting (spark-submit --master).")
    private String master;

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs",
            description = "Where default run folders are created (default: ${DEFAULT-VALUE}).")
    private Path runs;

    /** The executor that runs a sweep's trials in this JVM. */
    private static final String LOCAL = "local";

    /** Whether --resume names a sweep's folder rather than a checkpointed run's. */
    private boolean resumesSweep;

    @Override
    public Integer call() {
        if (resume != null) {
            if (out != null) {
                throw new CommandLine.ParameterException(main.spec().commandLine(), "--resume names the run folder already; leave out --out");
            }
            if (files.size() > 1) {
                throw new CommandLine.ParameterException(main.spec().commandLine(),
                        "--resume continues one run or sweep, but " + files.size() + " files were given");
            }
            // The folder's problems are the user's to fix, not the command line's: said without the usage text.
            if (!Files.isDirectory(resume)) {
                throw new ConfigurationException("--resume " + resume + ": "
                        + (Files.exists(resume) ? "this is a file" : "there is no such folder")
                        + "; give the run folder of the run or sweep to continue");
            }
            resumesSweep = Files.isRegularFile(resume.resolve(ExperimentRunner.SWEEP_FILE));
            Path runCopy = resume.resolve(CheckpointFolder.NAME).resolve(CheckpointFolder.EXPERIMENT);
            if (!resumesSweep && !Files.isRegularFile(runCopy)) {
                throw new ConfigurationException("--resume " + resume + ": there is nothing to resume here: this is not the"
                        + " run folder of a sweep (it has no " + ExperimentRunner.SWEEP_FILE + ") nor of a run that keeps"
                        + " checkpoints (it has no " + CheckpointFolder.NAME + "/" + CheckpointFolder.EXPERIMENT + ", which such"
                        + " a run writes as it starts; \"checkpoint-every\" in the training section turns them on)");
            }
            if (files.isEmpty()) {
                files = List.of(resumesSweep ? resume.resolve(ExperimentRunner.SWEEP_FILE) : runCopy);
            }
        } else if (files.isEmpty()) {
            throw new CommandLine.ParameterException(main.spec().commandLine(), "Missing required parameter: 'FILE'");
        }
        if (out != null && files.size() > 1) {
            throw new CommandLine.ParameterException(main.spec().commandLine(),
                    "--out names one run folder, but " + files.size() + " files were given; use --runs DIR for several");
        }
        PrintWriter stdout = main.spec().commandLine().getOut();
        PrintWriter err = main.spec().commandLine().getErr();
        // A live progress line only on a terminal; a log or pipe gets a plain line now and then.
        ConsoleOutput.Mode mode = quiet ? ConsoleOutput.Mode.QUIET
                : System.console() != null ? ConsoleOutput.Mode.TERMINAL : ConsoleOutput.Mode.LOG;
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(main.spec().commandLine(), "--threads must be at least 1, found " + threads);
        }
        TrialExecutorProvider remote = remoteExecutor();
        List<ExperimentFiles.Checked> checked = ExperimentFiles.check(files, main.reader());
        // After reading, which creates the dropped-in plugins the files need, so that their problems are among these.
        main.warnAboutPluginProblems(err);
        DataHub data = main.dataHubOfCreatedPlugins();
        ConsoleOutput console = new ConsoleOutput(stdout, mode);
        ExperimentRunner runner = new ExperimentRunner(CpuKernels::new, console, data)
                .withTrialsFrom(recording -> new LocalTrialExecutor(main.reader(), CpuKernels::new, recording));
        if (threads != null) {
            runner = runner.withThreads(threads);
        }
        boolean invalid = false;
        for (ExperimentFiles.Checked c : checked) {
            if (c.error() != null) {
                err.println(c.error().getMessage());
                invalid = true;
            }
        }
        if (invalid) {
            return Main.USER_ERROR;
        }
        if (resume != null && resumesSweep && checked.get(0).experiment().sweep() == null) {
            err.println(files.get(0) + ": " + resume + " is a sweep's run folder, and this file has no sweep section; run it"
                    + " without --resume");
            return Main.USER_ERROR;
        }
        if (resume != null && !resumesSweep && checked.get(0).experiment().sweep() != null) {
            err.println(files.get(0) + ": " + resume + " is the run folder of a single run, and this file is a sweep; give the"
                    + " sweep's own run folder, or run it without --resume");
            return Main.USER_ERROR;
        }
        if (remote != null) {
            for (int i = 0; i < checked.size(); i++) {
                if (checked.get(i).experiment().sweep() == null) {
                    err.println(files.get(i) + ": --executor " + executor + " runs the runs of a sweep, and this file has no"
                            + " sweep section; run it without --executor");
                    return Main.USER_ERROR;
                }
            }
        }
        try (RemoteTrialExecutor started = remote == null ? null : remote.start(master, main.dataCache(), main.pluginFolders())) {
            if (started != null) {
                int atOnce = threads != null ? threads : started.parallelism();
                runner = runner.withTrialsElsewhere(started).withThreads(atOnce);
                console.line("--executor " + executor + ": " + atOnce + " runs at once" + (threads != null ? " (--threads)"
                        : ", one per core of the cluster"));
            }
            return runAll(checked, runner);
        }
    }

    /**
     * Returns the provider that --executor names, or null for this JVM's.
     *
     * @throws CommandLine.ParameterException if none has that name, or --master comes without one
     */
    private TrialExecutorProvider remoteExecutor() {
        if (executor.equals(LOCAL)) {
            if (master != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--master names a cluster for --executor"
                        + " spark; add --executor spark, or leave --master out");
            }
            return null;
        }
        List<String> names = new java.util.ArrayList<>(List.of(LOCAL));
        for (TrialExecutorProvider p : PluginLoader.engineServices(TrialExecutorProvider.class)) {
            if (p.name().equals(executor)) {
                return p;
            }
            names.add(p.name());
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "--executor " + executor + ": no such executor"
                + " here; installed: " + String.join(", ", names) + (executor.equals("spark") ? ". The spark executor runs"
                + " on the class path with Spark's jars: ./djx starts it so when SPARK_HOME is set or the build laid Spark"
                + " out, and spark-submit with djx-spark.jar (see the README)" : ""));
    }

    private int runAll(List<ExperimentFiles.Checked> checked, ExperimentRunner runner) {
        boolean held = true;
        boolean diverged = false;
        // Ctrl-C: the run in progress says INTERRUPTED in its status.json instead of looking alive.
        Main.onInterrupt = runner::markInterrupted;
        try {
            for (ExperimentFiles.Checked c : checked) {
                RunFolder folder = resume != null ? RunFolder.resume(resume) : out != null ? RunFolder.at(out)
                        : RunFolder.createUnder(runs, c.experiment().name(), LocalDateTime.now());
                RunResult result = runner.run(c.experiment(), folder);
                held &= result.expectationsHeld();
                diverged |= result.diverged();
            }
        } finally {
            Main.onInterrupt = null;
        }
        return diverged ? Main.DIVERGED : held ? 0 : Main.EXPECTATION_BROKEN;
    }
}
