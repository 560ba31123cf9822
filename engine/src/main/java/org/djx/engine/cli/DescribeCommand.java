package org.djx.engine.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.djx.api.ConfigurationException;
import org.djx.api.spi.ParameterSpec;
import org.djx.api.spi.Suggestions;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code djx describe NAME}: a plugin's description and parameters with types, bounds and defaults. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Shows a plugin's parameters with their types, bounds and defaults.")
final class DescribeCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;

    @Parameters(paramLabel = "NAME", description = "A plugin name, as in \"type\": \"NAME\"; every kind is searched.")
    private String name;

    @Override
    public Integer call() {
        PrintWriter out = main.spec().commandLine().getOut();
        PluginRegistry registry = main.registry();
        List<PluginDescriptor> matches = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            Optional<PluginDescriptor> d = registry.find(kind, name);
            d.ifPresent(matches::add);
            all.addAll(registry.names(kind));
        }
        if (matches.isEmpty()) {
            throw new ConfigurationException("no plugin is named '" + name + "'" + Suggestions.didYouMean(name, all)
                    + "; 'djx plugins' lists them all");
        }
        for (int i = 0; i < matches.size(); i++) {
            PluginDescriptor d = matches.get(i);
            if (i > 0) {
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
                String type = p.type().description() + (p.boundsText().isEmpty() ? "" : " " + p.boundsText())
                        + (p.choices().isEmpty() ? "" : " (" + String.join(" | ", p.choices()) + ")");
                String dflt = p.required() ? "required" : p.defaultValue() == null ? "(none)" : String.valueOf(p.defaultValue());
                rows.add(new String[] {"  " + p.name(), type, dflt, p.description()});
            }
            Table.print(out, rows);
        }
        return 0;
    }
}
