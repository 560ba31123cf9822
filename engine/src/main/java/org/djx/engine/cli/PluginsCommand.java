package org.djx.engine.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginProblem;
import org.djx.engine.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code djx plugins}: every plugin with its kind, name, module, version and location. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists every plugin: kind, name, module, version and where it was loaded from.")
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
        for (PluginDescriptor d : registry.all()) {
            rows.add(new String[] {d.kind().label(), d.name(), d.origin().module(), d.origin().version(), d.origin().location()});
        }
        Table.print(out, rows);
        List<PluginProblem> problems = registry.problems();
        if (!problems.isEmpty()) {
            err.println();
            err.println(problems.size() + " plugin problem" + (problems.size() == 1 ? "" : "s")
                    + " (the plugins above are unaffected):");
            for (PluginProblem p : problems) {
                err.println("  " + p);
            }
        }
        return 0;
    }
}
