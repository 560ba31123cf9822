package org.djx.engine.serving;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.djx.api.DType;
import org.djx.api.DataException;
import org.djx.api.Tensor;
import org.djx.api.data.Cells;
import org.djx.api.data.Column;
import org.djx.api.data.NumericColumn;
import org.djx.api.data.Table;
import org.djx.api.data.TextColumn;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.io.Digests;
import org.djx.engine.io.IoReasons;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.metric.ClassScores;
import org.djx.engine.model.Network;
import org.djx.engine.model.NetworkBuilder;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.plugin.PluginOrigin;
import org.djx.engine.plugin.PluginRegistry;
import org.djx.engine.random.RandomStreams;
import org.djx.engine.saving.ModelFiles;
import org.djx.engine.model.StateDict;
import org.djx.engine.spec.ModelSpec;
import org.djx.engine.tabular.FittedPreprocessing;
import org.djx.engine.saving.PreprocessingJson;
import org.djx.engine.tabular.TargetTransformer;
import org.djx.engine.tensor.CpuKernels;
import org.djx.engine.weights.Safetensors;

/**
 * A model a djx run saved (model.json and model.safetensors in its run folder), loaded to predict from raw rows in
 * plain Java:
 *
 * <pre>{@code
 * SavedModel model = SavedModel.load(Path.of("runs/house-prices-submission-20261205-031500"));
 * Predictions p = model.predict(List.of(Map.of("LotArea", "8450", "MSZoning", "RL", ...)));
 * double price = p.value(0);
 * }</pre>
 *
 * <p>Rows are read as a CSV file's cells are: text, with the same missing-value spellings and decimal grammar
 * ({@link Cells}); the preprocessing the run fitted and the network then give exactly the numbers the run would
 * give for the same rows. A loaded model is immutable, and {@link #predict} may be called from many threads at
 * once.
 */
public final class SavedModel {
    private final ModelSpec spec;
    private final Network prototype;
    private final FittedPreprocessing preprocessing;
    private final TargetTransformer target;
    private final List<String> classes;
    private final String targetColumn;
    private final String idColumn;
    /** Whether a prediction must be positive (a price), and the rule in words; older files ask for a finite one only. */
    private final boolean positiveTarget;
    private final String targetRule;
    /** Networks no call is using; a network keeps its activations in buffers of its own, so each call takes one. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Network> idle = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private SavedModel(ModelSpec spec, Network prototype, FittedPreprocessing preprocessing, TargetTransformer target,
            List<String> classes, String targetColumn, String idColumn, boolean positiveTarget, String targetRule) {
        this.spec = spec;
        this.prototype = prototype;
        this.preprocessing = preprocessing;
        this.target = target;
        this.classes = List.copyOf(classes);
        this.targetColumn = targetColumn;
        this.idColumn = idColumn;
        this.positiveTarget = positiveTarget;
        this.targetRule = targetRule;
        idle.add(prototype);
    }

    /**
     * Loads the model that a run saved into {@code folder}, with the plugins built into djx (and any on the module
     * or class path).
     *
     * @throws org.djx.api.DjxException (a DataException or, for a model section a plugin refuses, a
     *                                   ConfigurationException) if a file is missing, malformed, from a newer djx, or
     *                                   its weights do not match model.json (their SHA-256) or the architecture
     *                                   (names, shapes, element type)
     */
    public static SavedModel load(Path folder) {
        return load(folder, PluginLoader.load(List.of()));
    }

    /**
     * Loads as {@link #load(Path)} does, creating layers with the plugins of {@code plugins}: the launcher's, with
     * its plugin folders.
     */
    @SuppressWarnings("exports")
    public static SavedModel load(Path folder, PluginRegistry plugins) {
        Path description = folder.resolve(ModelFiles.DESCRIPTION);
        String where = description.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(description);
        } catch (IOException e) {
            throw new DataException("cannot read " + description + " (" + IoReasons.of(e, description) + "); expected the folder"
                    + " of a run that saved a model, with model.json and model.safetensors", e);
        }
        JsonDocument document = JsonDocument.parse(where, bytes);
        JsonNode root = document.root();
        if (!"djx-model".equals(root.path("format").asText())) {
            throw new DataException(where + ": not a djx model description (its \"format\" is not \"djx-model\")");
        }
        JsonNode versionNode = root.path("format-version");
        if (!versionNode.isIntegralNumber()) {
            throw new DataException(where + ": \"format-version\" must be a whole number, found " + versionNode);
        }
        int version = versionNode.asInt();
        if (version < 1 || version > ModelFiles.FORMAT_VERSION) {
            throw new DataException(where + ": written by djx " + root.path("djx-version").asText("?") + " in model format "
                    + root.path("format-version") + ", which this djx (format " + ModelFiles.FORMAT_VERSION + ") cannot read;"
                    + " load it with that djx or a newer one");
        }
        String writtenBy = root.path("djx-version").asText("");
        String running = PluginOrigin.of(SavedModel.class).version();
        if (newer(writtenBy, running)) {
            throw new DataException(where + ": written by djx " + writtenBy + ", newer than this djx " + running
                    + "; load it with djx " + writtenBy + " or later");
        }
        ModelSpec spec = ExperimentReader.readModel(plugins, document, "$.model");
        int inputs = root.path("inputs").isIntegralNumber() ? root.path("inputs").asInt() : 0;
        if (inputs < 1) {
            throw new DataException(where + ": \"inputs\" must be the number of features, a whole number >= 1");
        }
        Network network = new NetworkBuilder(new CpuKernels()).build(spec, inputs, new RandomStreams(0), "");
        String weightsFile = root.path("weights").path("file").asText("");
        String sha256 = root.path("weights").path("sha256").asText("");
        if (!weightsFile.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || !sha256.matches("[0-9a-f]{64}")) {
            throw new DataException(where + ": \"weights\" must name a file in the model's folder and its SHA-256 (64 hex digits),"
                    + " found " + root.path("weights"));
        }
        Path weights = folder.resolve(weightsFile);
        StateDict.load(network, Safetensors.read(weights, checkedBytes(weights, sha256, where)).tensors(), weights.toString());
        FittedPreprocessing preprocessing = PreprocessingJson.read(root.get("preprocessing"), where + " at preprocessing");
        preprocessing.check(where + " at preprocessing");
        if (preprocessing.width() != inputs) {
            throw new DataException(where + ": preprocessing makes " + preprocessing.width() + " features, but the network takes "
                    + inputs);
        }
        TargetTransformer target = PreprocessingJson.readTarget(root.path("target-transform"), where + " at target-transform");
        List<String> classes = new ArrayList<>();
        JsonNode classNodes = root.path("data").path("classes");
        if (!classNodes.isMissingNode() && !classNodes.isArray()) {
            throw new DataException(where + ": \"data.classes\" must be an array of class names, found " + classNodes);
        }
        for (JsonNode c : classNodes) {
            if (!c.isTextual() || classes.contains(c.asText())) {
                throw new DataException(where + ": \"data.classes\" lists " + c + "; expected each class once, as a string");
            }
            classes.add(c.asText());
        }
        if (!classes.isEmpty() && !target.isIdentity()) {
            throw new DataException(where + ": a classifier's outputs are not transformed, but \"target-transform\" is "
                    + root.path("target-transform"));
        }
        if (!root.path("data").path("target").isTextual()
                || (root.path("data").has("id") && !root.path("data").get("id").isTextual())) {
            throw new DataException(where + ": \"data\" must name the target column (and the id column, if any) as strings,"
                    + " found " + root.path("data"));
        }
        int outputs = network.outputs();
        if (classes.isEmpty() ? outputs != 1 : outputs != classes.size() && !(classes.size() == 2 && outputs == 1)) {
            throw new DataException(where + ": the network has " + outputs + " outputs for " + (classes.isEmpty() ? "a regression"
                    : classes.size() + " classes"));
        }
        String id = root.path("data").has("id") ? root.path("data").get("id").asText() : null;
        JsonNode rule = root.path("data").path(ModelFiles.TARGET_RULE);
        if (!rule.isMissingNode() && !(rule.path("positive").isBoolean() && rule.path("description").isTextual()
                && classes.isEmpty())) {
            throw new DataException(where + ": \"data." + ModelFiles.TARGET_RULE + "\" must be {\"positive\": true or false,"
                    + " \"description\": the rule in words}, for a regression only; found " + rule);
        }
        return new SavedModel(spec, network, preprocessing, target, classes, root.path("data").path("target").asText(), id,
                rule.path("positive").asBoolean(false), rule.isMissingNode() ? "a target must be a finite number"
                        : rule.get("description").asText());
    }

    /** Returns whether the version {@code a} (such as 0.3.1) is later than {@code b}; false when either is not one. */
    static boolean newer(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? number(x[i]) : 0;
            int q = i < y.length ? number(y[i]) : 0;
            if (p < 0 || q < 0) {
                return false;
            }
            if (p != q) {
                return p > q;
            }
        }
        return false;
    }

    private static int number(String part) {
        return part.matches("[0-9]{1,9}") ? Integer.parseInt(part) : -1;
    }

    /** Returns the weights file's bytes, read once, when their SHA-256 is the one model.json recorded. */
    private static byte[] checkedBytes(Path weights, String expected, String where) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(weights);
        } catch (IOException e) {
            throw new DataException("cannot read " + weights + " (" + IoReasons.of(e, weights) + "); the model's weights are"
                    + " missing", e);
        }
        String actual = Digests.sha256(bytes);
        if (!actual.equals(expected)) {
            throw new DataException(weights + " has SHA-256 " + actual + ", but " + where + " says " + expected
                    + ": the weights are not the ones this model was saved with; save the run's model again");
        }
        return bytes;
    }

    /** Returns the raw columns a row must have, in the order the table had them. */
    public List<String> inputColumns() {
        return preprocessing.inputs().stream().map(FittedPreprocessing.Input::name).toList();
    }

    /** Returns the name of the column the model predicts. */
    public String targetColumn() {
        return targetColumn;
    }

    /** Returns the column that names rows in the table the model was trained on, or null. */
    public String idColumn() {
        return idColumn;
    }

    /** Returns a classification's classes in output order; empty for a regression. */
    public List<String> classes() {
        return classes;
    }

    /**
     * Predicts each row, given as column name to cell text (other columns, such as an id, are ignored).
     *
     * @throws DataException naming the row and column of a cell that is missing from a row or is not a number where the
     *                       model reads numbers, or a value a preprocessing step cannot take
     */
    public Predictions predict(List<Map<String, String>> rows) {
        return predict(rows, r -> "row " + (r + 1));
    }

    /**
     * Predicts each row as {@link #predict(List)} does.
     *
     * @param row names row r in messages, such as {@code new.csv:4: record 4}
     */
    public Predictions predict(List<Map<String, String>> rows, IntFunction<String> row) {
        List<Column> columns = new ArrayList<>();
        for (FittedPreprocessing.Input input : preprocessing.inputs()) {
            columns.add(column(input, rows, row));
        }
        return predict(new Table(columns), row);
    }

    /**
     * Predicts the rows of a table whose columns hold numbers or text as the training table's did.
     *
     * @param row names row r in messages, such as {@code record 3 of new.csv}
     */
    public Predictions predict(Table rows, IntFunction<String> row) {
        Tensor x = preprocessing.apply(rows, row);
        // As many networks as calls at once, at most: a call borrows one, and returns it once its outputs are read.
        Network network = idle.poll();
        if (network == null) {
            network = copyOfPrototype();
        }
        try {
            return read(network.forward(x.to(network.dtype())), row);
        } finally {
            idle.add(network);
        }
    }

    /** Reads predictions out of a network's outputs, which the network overwrites on its next call. */
    private Predictions read(Tensor outputs, IntFunction<String> row) {
        if (!classes.isEmpty()) {
            Tensor p = ClassScores.probabilities(outputs, Tensor.zeros(outputs.rows(), classes.size()));
            double[][] probabilities = new double[p.rows()][classes.size()];
            for (int r = 0; r < p.rows(); r++) {
                for (int k = 0; k < classes.size(); k++) {
                    probabilities[r][k] = finite(p.get(r, k), row, r);
                }
            }
            return Predictions.ofClasses(classes, probabilities);
        }
        Tensor values = target.isIdentity() ? outputs.copy().to(DType.FLOAT64) : target.inverse(outputs);
        double[] v = values.toArray();
        for (int r = 0; r < v.length; r++) {
            finite(v[r], row, r);
            if (positiveTarget && !(v[r] > 0)) {
                // Held to the rule the run's own submission was: a price the data could never have is no prediction.
                throw new DataException("the prediction for " + row.apply(r) + " is " + v[r] + "; " + targetRule);
            }
        }
        return Predictions.ofValues(v);
    }

    private static double finite(double value, IntFunction<String> row, int r) {
        if (!Double.isFinite(value)) {
            throw new DataException("the prediction for " + row.apply(r) + " is " + value + ": the network's outputs overflowed"
                    + " on its values; check them");
        }
        return value;
    }

    private static Column column(FittedPreprocessing.Input input, List<Map<String, String>> rows, IntFunction<String> row) {
        String name = input.name();
        if (input.numeric()) {
            double[] v = new double[rows.size()];
            for (int r = 0; r < v.length; r++) {
                String cell = cell(rows.get(r), name, row.apply(r));
                if (Cells.isMissing(cell)) {
                    v[r] = Double.NaN;
                } else if (Cells.isDecimal(cell) && Double.isFinite(Cells.parseDecimal(cell))) {
                    v[r] = Cells.parseDecimal(cell);
                } else {
                    throw new DataException(row.apply(r) + ", column '" + name + "': '" + cell + "' is not a number; the model"
                            + " reads numbers in this column (a decimal, or NA or empty for a missing value)");
                }
            }
            return new NumericColumn(name, v);
        }
        String[] t = new String[rows.size()];
        for (int r = 0; r < t.length; r++) {
            String cell = cell(rows.get(r), name, row.apply(r));
            t[r] = Cells.isMissing(cell) ? null : cell;
        }
        return new TextColumn(name, t);
    }

    private static String cell(Map<String, String> row, String column, String where) {
        String cell = row.get(column);
        if (cell == null) {
            throw new DataException(where + " has no column '" + column + "', which the model reads (write NA for a"
                    + " missing value)");
        }
        return cell;
    }

    private Network copyOfPrototype() {
        Network copy = new NetworkBuilder(new CpuKernels()).build(spec, prototype.inputs(), new RandomStreams(0), "");
        for (int i = 0; i < prototype.parameters().size(); i++) {
            copy.parameters().get(i).value().copyFrom(prototype.parameters().get(i).value());
        }
        return copy;
    }
}
