package org.djx.engine.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.djx.api.ConfigurationException;
import org.djx.api.spi.ParameterSpec;
import org.djx.api.spi.Suggestions;
import org.djx.engine.experiment.SweepSection;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.plugin.PluginRegistry;
import org.djx.engine.task.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code djx describe NAME}: a task's sections, or a plugin's description and parameters, with types, bounds and defaults. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Shows a task's sections, or a plugin's parameters, with their types, bounds and defaults.")
final class DescribeCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;

    @Parameters(paramLabel = "NAME", description = "A task name, as in \"task\": \"NAME\", or a plugin name, as in \"type\": \"NAME\"; every kind is searched.")
    private String name;

    @Override
    public Integer call() {
        PrintWriter out = main.spec().commandLine().getOut();
        PluginRegistry registry = main.registry();
        List<PluginDescriptor> matches = new ArrayList<>();
        List<String> all = new ArrayList<>(main.tasks().names());
        if (name.equals("sweep")) {
            printSweep(out);
            return 0;
        }
        Optional<Task> task = main.tasks().find(name);
        task.ifPresent(t -> TaskDescription.print(out, t, registry));
        for (PluginKind kind : PluginKind.values()) {
            Optional<PluginDescriptor> d = registry.find(kind, name);
            d.ifPresent(matches::add);
            all.addAll(registry.names(kind));
        }
        all.add("sweep");
        if (matches.isEmpty() && task.isEmpty()) {
            throw new ConfigurationException("no task or plugin is named '" + name + "'" + Suggestions.didYouMean(name, all)
                    + "; the tasks are " + String.join(", ", main.tasks().names()) + ", and 'djx plugins' lists the plugins");
        }
        for (int i = 0; i < matches.size(); i++) {
            PluginDescriptor d = matches.get(i);
            if (i > 0 || task.isPresent()) {
                out.println();
            }
            out.println(d.kind().label() + " '" + d.name() + "': " + d.plugin().description());
            out.println("from " + d.origin());
            List<ParameterSpec> params = d.plugin().configuration();
            if (params.isEmpty()) {
                out.println("parameters: none");
                continue;
            }
            out.println("parameters:");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"  NAME", "TYPE", "DEFAULT", "DESCRIPTION"});
            for (ParameterSpec p : params) {
                rows.add(TaskDescription.parameter("  ", p));
            }
            Table.print(out, rows);
        }
        return 0;
    }

    /** The sweep section, which any task's file may add. */
    private static void printSweep(PrintWriter out) {
        out.println("section 'sweep' (any task): runs the experiment at many points and ranks them by an objective;"
                + " expect then names the sweep's results");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"  KEY", "TYPE", "DEFAULT", "DESCRIPTION"});
        for (ParameterSpec p : SweepSection.KEYS) {
            rows.add(TaskDescription.parameter("  ", p));
        }
        rows.add(new String[] {"  objective", "object", "required", "The result that ranks the points."});
        for (ParameterSpec p : SweepSection.OBJECTIVE) {
            rows.add(TaskDescription.parameter("    ", p));
        }
        rows.add(new String[] {"  scheduler", "object", "(none)", "Stops poor points early; without it every point trains to the end."});
        for (ParameterSpec p : SweepSection.HALVING) {
            rows.add(TaskDescription.parameter("    ", p));
        }
        rows.add(new String[] {"  parameters", "object", "required", "Each key a path into the experiment (optimizer.lr,"
                + " model.layers[0].outputs), each value one of:"});
        rows.add(new String[] {"    values", "array", "", "Each value in turn in a grid; one at random in a random search."});
        rows.add(new String[] {"    choice", "array", "", "One of the values at random; in a grid, as values."});
        rows.add(new String[] {"    uniform", "[low, high]", "", "A number drawn uniformly (random search)."});
        rows.add(new String[] {"    log-uniform", "[low, high]", "", "A number whose logarithm is drawn uniformly, for rates and"
                + " decays (random search)."});
        rows.add(new String[] {"    int-uniform", "[low, high]", "", "A whole number from low to high, both included (random search)."});
        Table.print(out, rows);
        out.println("results: trials, completed-trials, best-trial, best/OBJECTIVE, best/OBJECTIVE-std (with repeats),"
                + " best/PATH of each parameter, trial-I/OBJECTIVE");
    }
}
