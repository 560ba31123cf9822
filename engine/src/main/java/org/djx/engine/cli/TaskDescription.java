package org.djx.engine.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.plugin.PluginRegistry;
import org.djx.engine.task.Form;
import org.djx.engine.task.Section;
import org.djx.engine.task.Task;

/** Prints a task's sections with their keys, types, bounds and defaults, for {@code djx describe TASK}. */
final class TaskDescription {
    private TaskDescription() {
    }

    static void print(PrintWriter out, Task task, PluginRegistry plugins) {
        out.println("task '" + task.name() + "': " + task.description());
        out.println("sections:");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"  KEY", "TYPE", "DEFAULT", "DESCRIPTION"});
        for (Section s : task.sections()) {
            add(rows, "  ", s, plugins);
        }
        Table.print(out, rows);
        out.println("besides: task, name, description, seed, expect, sweep ('djx describe sweep');"
                + " 'djx describe NAME' shows a plugin's keys");
    }

    private static void add(List<String[]> rows, String indent, Section section, PluginRegistry plugins) {
        Form form = section.form();
        rows.add(new String[] {indent + section.name(), type(form, plugins), section.required() ? "required" : "optional",
                section.description()});
        String inner = indent + "  ";
        if (form instanceof Form.Parameters p) {
            for (ParameterSpec key : p.keys()) {
                rows.add(parameter(inner, key));
            }
            for (Section nested : p.nested()) {
                add(rows, inner, nested, plugins);
            }
        } else if (form instanceof Form.Model) {
            for (ParameterSpec key : ExperimentReader.modelKeys()) {
                rows.add(parameter(inner, key));
            }
            rows.add(new String[] {inner + "init", "initializer object",
                    "{\"type\": \"" + ExperimentReader.defaultInitializer() + "\"}", "The initializer of every layer's weights; 'djx plugins' lists them."});
            rows.add(new String[] {inner + "layers", "array of layer objects",
                    "required", "The layers, first to last; each may add 'name' and its own 'init'; 'djx plugins' lists them."});
        } else if (form instanceof Form.Steps steps) {
            for (Map.Entry<String, List<ParameterSpec>> step : steps.types().entrySet()) {
                rows.add(new String[] {inner + "{\"type\": \"" + step.getKey() + "\"}", "step", "", ""});
                for (ParameterSpec key : step.getValue()) {
                    rows.add(parameter(inner + "  ", key));
                }
            }
        }
    }

    private static String type(Form form, PluginRegistry plugins) {
        if (form instanceof Form.Parameters) {
            return "object";
        } else if (form instanceof Form.Plugin p) {
            return p.kind().label() + " (" + String.join(" | ", plugins.names(p.kind())) + ")";
        } else if (form instanceof Form.Plugins p) {
            return "array of " + p.kind().label() + " objects";
        } else if (form instanceof Form.PluginNames p) {
            return "array of " + p.kind().label() + " names";
        } else if (form instanceof Form.Steps) {
            return "array of steps";
        }
        return "object";
    }

    /** Returns one parameter's row: the same columns as a plugin's parameters in {@code djx describe}. */
    static String[] parameter(String indent, ParameterSpec p) {
        String type = p.type().description() + (p.boundsText().isEmpty() ? "" : " " + p.boundsText())
                + (p.choices().isEmpty() ? "" : " (" + String.join(" | ", p.choices()) + ")");
        String dflt = p.required() ? "required" : p.defaultValue() == null ? "(none)" : String.valueOf(p.defaultValue());
        return new String[] {indent + p.name(), type, dflt, p.description()};
    }
}
