package org.djx.engine.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.djx.api.DjxException;
import org.djx.engine.data.DataCache;
import org.djx.engine.data.DataHub;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.io.PartFiles;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.plugin.PluginOrigin;
import org.djx.engine.plugin.PluginProblem;
import org.djx.engine.plugin.PluginRegistry;
import org.djx.engine.plugin.ProviderCreation;
import org.djx.engine.plugin.Resources;
import org.djx.engine.task.TaskRegistry;
import org.djx.engine.tasks.BuiltInTasks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/**
 * The {@code djx} launcher: parses the command line and maps outcomes to exit codes.
 *
 * <p>Exit codes: 0 success, 1 internal failure (a bug, printed with its stack trace), 2 a user error
 * (bad file, unknown plugin, bad parameter, bad command line), printed as one message without a stack
 * trace, 3 a result outside a band the experiment declares. This package is the only one that writes to
 * the console.
 */
@Command(name = "djx",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Runs deep-learning experiments described in JSON files.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
                RunCommand.class,
                ValidateCommand.class,
                PluginsCommand.class,
                DescribeCommand.class,
                SchemaCommand.class,
                DataCommand.class,
                PredictCommand.class,
                TrialCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 internal error (a bug), 2 invalid input or usage,",
                "3 a result outside a band the experiment declares under \"expect\",",
                "4 a training run diverged, 130 interrupted (Ctrl-C)."})
public final class Main implements Runnable {
    static final int USER_ERROR = 2;
    static final int EXPECTATION_BROKEN = 3;
    /** A training run's loss became NaN or infinite: its numbers are no result, whatever the bands say. */
    static final int DIVERGED = 4;
    static final int INTERNAL_ERROR = 1;

    /**
     * The system property naming the distribution's folder, which the {@code djx} script sets; its
     * {@code plugins} sub-folder, when it exists, is searched for dropped-in plugins first.
     */
    static final String HOME_PROPERTY = "djx.home";

    /** The sub-folder of the distribution's folder that holds dropped-in plugins. */
    static final String PLUGINS_FOLDER = "plugins";

    @Option(names = "--plugin-path", scope = ScopeType.INHERIT, paramLabel = "DIR[:DIR...]",
            description = "Folders of dropped-in plugins (each jar or sub-folder is one plugin), "
                    + "searched after the distribution's plugins folder and those in DJX_PLUGIN_PATH.")
    private String pluginPath;

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "The cache folder of data-hub files, instead of DJX_DATA or, when that is not set, "
                    + "the user's cache folder (~/.cache/djx, $XDG_CACHE_HOME/djx, %%LOCALAPPDATA%%\\djx).")
    private Path dataDir;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** What the interrupt hook does before it removes the .part files: marking the run in progress INTERRUPTED. */
    static volatile Runnable onInterrupt;

    private TaskRegistry tasks = BuiltInTasks.registry();
    private PluginRegistry registry;

    private List<Path> pluginFolders = List.of();

    /** Runs djx and exits with its exit code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        // SIGINT, SIGTERM: one hook, so its steps run in order: the run in progress says INTERRUPTED (its status
        // write is itself a .part file), then no half-written .part file outlives the process.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // A dropped-in plugin calling System.exit while it is created would otherwise end djx silently, with its status.
            Optional<String> pluginExit = ProviderCreation.exitDuringCreation();
            Runnable interrupted = onInterrupt;
            if (interrupted != null) {
                interrupted.run();
            }
            PartFiles.deleteAll();
            if (pluginExit.isPresent()) {
                err.println("djx: " + pluginExit.get());
                err.flush();
                // Runtime.halt in a shutdown hook replaces the status the plugin gave System.exit.
                Runtime.getRuntime().halt(USER_ERROR);
            }
        }, "djx-interrupt"));
        int code = execute(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs djx with the given output streams and returns its exit code, without exiting. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(new Main(), args, out, err);
    }

    /** Runs djx with exactly the given plugins instead of discovering them, for tests. */
    static int execute(PluginRegistry plugins, String[] args, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        main.registry = plugins;
        return execute(main, args, out, err);
    }

    /** Runs djx with exactly the given plugins and tasks, for tests. */
    static int execute(PluginRegistry plugins, TaskRegistry tasks, String[] args, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        main.registry = plugins;
        main.tasks = tasks;
        return execute(main, args, out, err);
    }

    private static int execute(Main main, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(main);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof DjxException d && d.isUserError()) {
                err.println(d.getMessage());
                for (Throwable also : d.getSuppressed()) {
                    err.println("  and then: " + also.getMessage());
                }
                return USER_ERROR;
            }
            err.println("djx: internal error; this is a bug in djx, please report it with what follows:");
            ex.printStackTrace(err);
            return INTERNAL_ERROR;
        });
        cmd.setExitCodeExceptionMapper(ex -> ex instanceof CommandLine.ParameterException ? USER_ERROR : INTERNAL_ERROR);
        try {
            return cmd.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // Not a bug: an experiment too large for the limits the JVM was given. picocli passes errors on.
            err.println("djx " + Resources.exhausted(e));
            return USER_ERROR;
        }
    }

    @Override
    public void run() {
        // 'djx' alone: show what it can do.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    CommandLine.Model.CommandSpec spec() {
        return spec;
    }

    /**
     * Returns the plugins, loading them on first use: the built-ins, then the distribution's plugins
     * folder, the folders in {@code DJX_PLUGIN_PATH} and those given with {@code --plugin-path}.
     */
    PluginRegistry registry() {
        if (registry == null) {
            List<Path> folders = new ArrayList<>();
            distributionPlugins().ifPresent(folders::add);
            folders.addAll(PluginLoader.parsePath(System.getenv("DJX_PLUGIN_PATH")));
            folders.addAll(PluginLoader.parsePath(pluginPath));
            pluginFolders = List.copyOf(folders);
            registry = PluginLoader.load(folders);
        }
        return registry;
    }

    /** Returns the plugin folders searched by {@link #registry()}; empty before it ran or when there are none. */
    List<Path> pluginFolders() {
        return pluginFolders;
    }

    /** Returns the distribution's plugins folder, whether or not it exists, when djx runs from a distribution. */
    static Optional<Path> distributionPluginsFolder() {
        String home = System.getProperty(HOME_PROPERTY);
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home).resolve(PLUGINS_FOLDER));
    }

    /** Returns the distribution's plugins folder when djx runs from a distribution that has one. */
    static Optional<Path> distributionPlugins() {
        return distributionPluginsFolder().filter(Files::isDirectory);
    }

    /**
     * Prints every plugin problem as a warning: a broken plugin stops nothing that does not use it, but
     * whoever dropped it in must learn why it is missing.
     */
    void warnAboutPluginProblems(PrintWriter err) {
        // Only what is known: dropped-in plugins the command did not need were not created, and are not now.
        List<PluginProblem> problems = registry().knownProblems();
        if (problems.isEmpty()) {
            return;
        }
        err.println("warning: " + problems.size() + " plugin problem" + (problems.size() == 1 ? "" : "s")
                + "; experiments that do not use " + (problems.size() == 1 ? "that plugin" : "those plugins")
                + " are unaffected ('djx plugins' lists every plugin that loaded):");
        for (PluginProblem p : problems) {
            err.println("  " + p);
        }
    }

    /** Returns the data hub over the installed dataset sources' files and the chosen cache folder. */
    /** Returns the tasks experiment files can name. */
    TaskRegistry tasks() {
        return tasks;
    }

    /** Returns a reader of experiment files for the installed plugins and the tasks. */
    ExperimentReader reader() {
        return new ExperimentReader(registry(), tasks);
    }

    DataHub dataHub() {
        return DataHub.fromPlugins(registry(), dataCache());
    }

    /**
     * Returns the data hub over the dataset plugins created so far: the built-in ones and the dropped-in
     * ones that the experiments read so far name, for a run; creates no other plugin.
     */
    DataHub dataHubOfCreatedPlugins() {
        return DataHub.builder(dataCache()).addPlugins(registry().created()).build();
    }

    /** Returns the data cache: --data-dir, else DJX_DATA, else the user's cache folder. */
    DataCache dataCache() {
        return dataDir != null
                ? DataCache.at(dataDir, "given with --data-dir, which takes precedence over " + DataCache.ENV)
                : DataCache.fromEnvironment(System.getenv());
    }

    /** Reports the version djx was built as. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"djx " + version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor")
                    + "), " + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
        }

        static String version() {
            String v = PluginOrigin.of(Main.class).version();
            return "unknown".equals(v) ? "(development build)" : v;
        }
    }
}
