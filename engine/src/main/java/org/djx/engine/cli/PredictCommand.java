package org.djx.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.djx.api.data.Column;
import org.djx.api.data.Table;
import org.djx.api.data.TextColumn;
import org.djx.api.spi.DatasetSource;
import org.djx.engine.plugin.PluginDescriptor;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.plugin.Plugins;
import org.djx.engine.report.RunFolder;
import org.djx.engine.serving.Predictions;
import org.djx.engine.tasks.PredictionsCsv;
import org.djx.engine.serving.SavedModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code djx predict MODEL_DIR FILE.csv}: what a saved model predicts for the rows of a CSV file. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predicts the rows of a CSV file with the model a run saved (model.json and model.safetensors in its"
                + " run folder): each row's id and prediction, as the run's own submission.csv writes them.")
final class PredictCommand implements Callable<Integer> {
    /** The dataset whose strict reader reads the file. */
    private static final String READER = "csv";

    @ParentCommand
    private Main main;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "The run folder that holds model.json and model.safetensors.")
    private Path model;

    @Parameters(index = "1", paramLabel = "FILE", description = "A CSV file with a header and the columns the model reads.")
    private Path file;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the predictions here (atomically) instead of to standard output.")
    private Path out;

    @Option(names = "--probabilities", description = "For a classifier: add one column p(CLASS) per class after the class.")
    private boolean probabilities;

    @Option(names = "--force", description = "Replace the --out file if it exists.")
    private boolean force;

    @Override
    public Integer call() {
        if (out != null) {
            checkOut();
        }
        SavedModel saved = SavedModel.load(model, main.registry());
        PluginDescriptor csv = main.registry().find(PluginKind.DATASET, READER).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "djx predict reads files with the dataset plugin '" + READER + "', which is not installed"));
        Table table = Plugins.call(csv, () -> ((DatasetSource) csv.plugin()).readRows(file));
        List<Map<String, String>> rows = rows(table);
        String name = file.getFileName().toString();
        // Record r + 2: the header is record 1.
        Predictions predictions = saved.predict(rows, r -> name + ": record " + (r + 2));
        String idColumn = saved.idColumn() != null && table.column(saved.idColumn()).isPresent() ? saved.idColumn() : "row";
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            ids.add(idColumn.equals("row") ? Integer.toString(r + 1) : rows.get(r).get(idColumn));
        }
        String text = PredictionsCsv.of(idColumn, ids, saved.targetColumn(), predictions, probabilities);
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(text);
            stdout.flush();
        } else {
            Path parent = out.toAbsolutePath().getParent();
            RunFolder.resume(parent).writeText(out.getFileName().toString(), text);
            spec.commandLine().getErr().println("wrote " + out + ": " + rows.size() + " predictions");
        }
        return 0;
    }

    /** Refuses an output that would overwrite the model, the rows, or a file the user did not ask to replace. */
    private void checkOut() {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        String why = null;
        if (target.startsWith(model.toAbsolutePath().normalize())) {
            why = "it is inside the model's folder " + model + ", whose files it could replace; write it elsewhere";
        } else if (target.equals(file.toAbsolutePath().normalize())) {
            why = "it is the file of rows to predict; write it elsewhere";
        } else if (parent == null || !java.nio.file.Files.isDirectory(parent)) {
            why = "its folder " + parent + " does not exist; create it first";
        } else if (java.nio.file.Files.exists(target) && !force) {
            why = "it exists; add --force to replace it";
        }
        if (why != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + ": " + why);
        }
    }

    private static List<Map<String, String>> rows(Table table) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = 0; r < table.rows(); r++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (Column c : table.columns()) {
                row.put(c.name(), ((TextColumn) c).get(r));
            }
            rows.add(row);
        }
        return rows;
    }
}
