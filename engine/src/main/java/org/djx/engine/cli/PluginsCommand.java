package org.djx.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginProblem;
import org.djx.engine.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code djx plugins}: every plugin, built in or dropped in, with its kind, name, module, version and
 * location, then which plugin folders were searched; problems go to the error stream.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists every plugin, built in or dropped in: kind, name, module, version and the jar it"
                + " was loaded from; then the plugin folders searched, and every plugin that could not be loaded"
                + " with the reason.")
final class PluginsCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;

    @Override
    public Integer call() {
        PrintWriter out = main.spec().commandLine().getOut();
        PrintWriter err = main.spec().commandLine().getErr();
        PluginRegistry registry = main.registry();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"KIND", "NAME", "MODULE", "VERSION", "LOCATION"});
        int droppedIn = 0;
        for (PluginDescriptor d : registry.all()) {
            rows.add(new String[] {d.kind().label(), d.name(), d.origin().module(), d.origin().version(), d.origin().location()});
            droppedIn += d.origin().droppedIn() ? 1 : 0;
        }
        Table.print(out, rows);
        out.println();
        int builtIn = registry.all().size() - droppedIn;
        List<Path> folders = main.pluginFolders();
        out.println(builtIn + " built in, " + droppedIn + " dropped in; " + (folders.isEmpty()
                ? "no plugin folders (" + Main.distributionPluginsFolder().map(f -> "create " + f + " or ").orElse("")
                        + "name folders with --plugin-path DIR or DJX_PLUGIN_PATH)"
                : "plugin folders: " + folders.stream().map(Path::toString).collect(Collectors.joining(", "))));
        List<PluginProblem> problems = registry.problems();
        if (!problems.isEmpty()) {
            err.println(problems.size() + " plugin problem" + (problems.size() == 1 ? "" : "s")
                    + " (the plugins above are unaffected):");
            for (PluginProblem p : problems) {
                err.println("  " + p);
            }
        }
        return 0;
    }
}
