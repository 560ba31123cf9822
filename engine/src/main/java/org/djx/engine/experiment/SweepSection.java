package org.djx.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.djx.api.spi.ConfigValues;
import org.djx.api.spi.ParameterSpec;
import org.djx.api.spi.Suggestions;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.metric.Metric;
import org.djx.engine.sweep.JsonPaths;
import org.djx.engine.sweep.Points;
import org.djx.engine.sweep.SweepParameter;
import org.djx.engine.sweep.SweepSpec;

/**
 * The {@code sweep} section: which values of the experiment vary, how, and which result is the objective.
 *
 * <pre>
 * "sweep": {
 *   "method": "random", "trials": 20, "repeats": 2,
 *   "objective": {"result": "avg-valid-log-rmse", "goal": "minimize"},
 *   "parameters": {
 *     "optimizer.lr": {"log-uniform": [1e-4, 1e-2]},
 *     "model.layers[0].outputs": {"values": [128, 256, 512]}
 *   }
 * }
 * </pre>
 */
public final class SweepSection {
    static final String PATH = "$.sweep";

    public static final List<ParameterSpec> KEYS = List.of(
            ParameterSpec.string("method", "grid: every combination of the listed values; random: draws from each parameter's"
                    + " values or distribution.", "grid", "random").withDefault("grid"),
            ParameterSpec.integer("trials", "How many points a random search draws; not for a grid, whose points are the"
                    + " combinations.").atLeast(1).atMost(Points.MAX_POINTS),
            ParameterSpec.integer("repeats", "How many seeds each point runs with (the experiment's seed, seed + 1, ...);"
                    + " the objective is their mean, and trials.csv gives the standard deviation too.").withDefault(1).atLeast(1)
                    .atMost(1000));

    public static final List<ParameterSpec> HALVING = List.of(
            ParameterSpec.string("type", "The scheduler: halving, successive halving as ASHA and Hyperband do it.", "halving")
                    .asRequired(),
            ParameterSpec.integer("min-epochs", "The epochs of the first rung, which every point trains for.").asRequired()
                    .atLeast(1),
            ParameterSpec.integer("reduction", "Each rung keeps the best 1 / reduction of the points and trains them reduction"
                    + " times as long, up to the experiment's epochs.").withDefault(3).atLeast(2).atMost(100));

    public static final List<ParameterSpec> OBJECTIVE = List.of(
            ParameterSpec.string("result", "The result that ranks the points, one the experiment's task reports.").asRequired(),
            ParameterSpec.string("goal", "Whether lower or higher is better; by default maximize for a result that is an"
                    + " accuracy, auc or macro-f1, else minimize.", "minimize", "maximize"));

    /** The keys of the sections a sweep may vary. */
    private static final List<String> NOT_VARIED = List.of("sweep", "expect", "task", "seed", "name", "description", "data-hub", "data-folder");

    private SweepSection() {
    }

    /** Reads the section; returns null when it has problems, which are reported. */
    static SweepSpec read(Problems problems, JsonNode node) {
        if (!SectionBinder.expectObject(problems, node, PATH)) {
            return null;
        }
        int before = problems.count();
        ConfigValues top = ConfigBinder.bindValid(problems, node, PATH, KEYS, List.of("objective", "parameters", "scheduler"),
                "the sweep");
        SweepSpec.Halving halving = null;
        String schedulerPath = JsonDocument.child(PATH, "scheduler");
        if (node.has("scheduler") && SectionBinder.expectObject(problems, node.get("scheduler"), schedulerPath)) {
            ConfigValues h = ConfigBinder.bindValid(problems, node.get("scheduler"), schedulerPath, HALVING, List.of(), "the scheduler");
            if (h != null) {
                halving = new SweepSpec.Halving(h.integer("min-epochs"), h.integer("reduction"));
            }
        }
        String objective = null;
        boolean minimize = true;
        String objectivePath = JsonDocument.child(PATH, "objective");
        if (!node.has("objective")) {
            problems.add(PATH, "a sweep needs an objective, such as \"objective\": {\"result\": \"avg-valid-log-rmse\","
                    + " \"goal\": \"minimize\"}");
        } else if (SectionBinder.expectObject(problems, node.get("objective"), objectivePath)) {
            ConfigValues o = ConfigBinder.bindValid(problems, node.get("objective"), objectivePath, OBJECTIVE, List.of(),
                    "the objective");
            if (o != null) {
                objective = o.string("result");
                minimize = o.has("goal") ? o.string("goal").equals("minimize") : !higherIsBetter(objective);
            }
        }
        List<SweepParameter> parameters = parameters(problems, node.get("parameters"));
        if (top == null || problems.count() > before) {
            return null;
        }
        SweepSpec.Method method = top.string("method").equals("grid") ? SweepSpec.Method.GRID : SweepSpec.Method.RANDOM;
        int trials;
        if (method == SweepSpec.Method.GRID) {
            if (top.has("trials")) {
                problems.add(JsonDocument.child(PATH, "trials"), "a grid runs every combination of the values, so it takes no"
                        + " 'trials'; remove it, or use \"method\": \"random\"");
                return null;
            }
            for (SweepParameter p : parameters) {
                if (!p.domain().listed()) {
                    problems.add(parameterPath(p.path()), "a grid needs a list of values, but '" + p.path() + "' has a "
                            + p.domain().kind().key() + " distribution; give \"values\": [...], or use \"method\": \"random\"");
                }
            }
            long size = Points.gridSize(parameters);
            if (size < 0) {
                problems.add(JsonDocument.child(PATH, "parameters"), "the grid has more than " + Points.MAX_POINTS
                        + " combinations; use fewer values, or \"method\": \"random\" with a number of trials");
            }
            if (problems.count() > before) {
                return null;
            }
            trials = (int) size;
        } else {
            if (!top.has("trials")) {
                problems.add(PATH, "a random search needs the number of points to draw, such as \"trials\": 20");
                return null;
            }
            trials = top.integer("trials");
        }
        return new SweepSpec(method, trials, top.integer("repeats"), objective, minimize, parameters, halving);
    }

    static String parameterPath(String path) {
        return JsonDocument.child(JsonDocument.child(PATH, "parameters"), path);
    }

    private static List<SweepParameter> parameters(Problems problems, JsonNode node) {
        String path = JsonDocument.child(PATH, "parameters");
        List<SweepParameter> list = new ArrayList<>();
        if (node == null) {
            problems.add(PATH, "a sweep needs parameters, such as \"parameters\": {\"optimizer.lr\": {\"values\": [0.01, 0.1]}}");
            return list;
        }
        if (!SectionBinder.expectObject(problems, node, path)) {
            return list;
        }
        if (node.isEmpty()) {
            problems.add(path, "a sweep needs at least one parameter, such as \"optimizer.lr\": {\"values\": [0.01, 0.1]}");
        }
        List<String> kinds = Arrays.stream(SweepParameter.Kind.values()).map(SweepParameter.Kind::key).toList();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = e.getKey();
            String p = JsonDocument.child(path, name);
            String syntax = JsonPaths.syntaxProblem(name);
            if (syntax != null) {
                problems.add(p, syntax);
                continue;
            }
            if (NOT_VARIED.contains(JsonPaths.section(name))) {
                problems.add(p, "a sweep cannot vary '" + JsonPaths.section(name) + "'"
                        + (JsonPaths.section(name).equals("seed") ? "; use \"repeats\" to run each point with several seeds" : ""));
                continue;
            }
            JsonNode spec = e.getValue();
            if (!SectionBinder.expectObject(problems, spec, p)) {
                continue;
            }
            if (spec.size() != 1) {
                problems.add(p, "give exactly one of " + String.join(", ", kinds) + ", such as {\"values\": [0.01, 0.1]}; found "
                        + spec.size() + " keys");
                continue;
            }
            String kindKey = spec.fieldNames().next();
            SweepParameter.Kind kind = Arrays.stream(SweepParameter.Kind.values()).filter(k -> k.key().equals(kindKey)).findFirst()
                    .orElse(null);
            String at = JsonDocument.child(p, kindKey);
            if (kind == null) {
                problems.add(at, "unknown kind '" + kindKey + "'" + Suggestions.didYouMean(kindKey, kinds) + "; valid: "
                        + String.join(", ", kinds));
                continue;
            }
            JsonNode value = spec.get(kindKey);
            if (!value.isArray()) {
                problems.add(at, "expected an array, such as " + (kind == SweepParameter.Kind.VALUES || kind == SweepParameter.Kind.CHOICE
                        ? "[0.01, 0.1]" : "[low, high]") + "; found " + Values.describe(value));
                continue;
            }
            if (kind == SweepParameter.Kind.VALUES || kind == SweepParameter.Kind.CHOICE) {
                if (value.isEmpty()) {
                    problems.add(at, "expected at least one value");
                    continue;
                }
                List<JsonNode> values = new ArrayList<>();
                value.forEach(values::add);
                list.add(new SweepParameter(name, SweepParameter.Domain.listed(kind, values)));
                continue;
            }
            if (value.size() != 2) {
                problems.add(at, "expected two numbers [low, high]; found " + value.size() + " values");
                continue;
            }
            if (!value.get(0).isNumber() || !value.get(1).isNumber()) {
                int i = value.get(0).isNumber() ? 1 : 0;
                problems.add(JsonDocument.element(at, i), "expected a number (the " + (i == 0 ? "low" : "high") + " end); found "
                        + Values.describe(value.get(i)));
                continue;
            }
            double low = value.get(0).doubleValue();
            double high = value.get(1).doubleValue();
            if (!(low < high)) {
                problems.add(at, "low " + value.get(0) + " must be below high " + value.get(1));
            } else if (kind == SweepParameter.Kind.LOG_UNIFORM && low <= 0) {
                problems.add(at, "a log-uniform range must be positive; found low " + value.get(0));
            } else if (kind == SweepParameter.Kind.INT_UNIFORM && (!value.get(0).canConvertToExactIntegral()
                    || !value.get(1).canConvertToExactIntegral() || Math.abs(low) > 1e15 || Math.abs(high) > 1e15)) {
                problems.add(at, "an int-uniform range needs whole numbers [low, high]; found " + value);
            } else {
                list.add(new SweepParameter(name, SweepParameter.Domain.between(kind, low, high)));
            }
        }
        return list;
    }

    /** Returns whether the result names a score where more is better, such as {@code avg-valid-accuracy}. */
    static boolean higherIsBetter(String result) {
        for (Metric m : Metric.values()) {
            if (m.higherIsBetter() && (result.equals(m.label()) || result.endsWith("-" + m.label()))) {
                return true;
            }
        }
        return false;
    }
}
