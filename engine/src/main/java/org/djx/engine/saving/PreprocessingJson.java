package org.djx.engine.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djx.api.DataException;
import org.djx.engine.spec.PreprocessingSpec;
import org.djx.engine.tabular.FittedPreprocessing;
import org.djx.engine.tabular.FittedStep;
import org.djx.engine.tabular.TargetTransformer;

/**
 * What preprocessing and the target transform fitted, as JSON for a saved model: every number is written with
 * the digits that read back as the same double, so a model read back computes bit for bit what it computed.
 */
public final class PreprocessingJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PreprocessingJson() {
    }

    /** Returns {@code fitted} as JSON. */
    public static ObjectNode write(FittedPreprocessing fitted) {
        ObjectNode root = F.objectNode();
        ArrayNode inputs = root.putArray("inputs");
        for (FittedPreprocessing.Input in : fitted.inputs()) {
            inputs.addObject().put("name", in.name()).put("type", in.numeric() ? "numeric" : "categorical");
        }
        ArrayNode steps = root.putArray("steps");
        for (FittedStep step : fitted.steps()) {
            ObjectNode s = steps.addObject();
            if (step instanceof FittedStep.Standardization st) {
                ObjectNode columns = s.put("type", "standardize").putObject("columns");
                st.meanAndStd().forEach((name, ms) -> {
                    ObjectNode c = columns.putObject(name);
                    c.set("mean", number(ms[0]));
                    c.set("std", number(ms[1]));
                });
            } else if (step instanceof FittedStep.Filling f) {
                ObjectNode columns = s.put("type", "fill-missing").put("with", f.with().label()).putObject("columns");
                f.values().forEach((name, v) -> columns.set(name, number(v)));
            } else if (step instanceof FittedStep.LogTransform l) {
                ObjectNode columns = s.put("type", "log1p").put("min-skew", l.minSkew()).putObject("columns");
                l.skews().forEach((name, skew) -> columns.put(name, skew));
            } else if (step instanceof FittedStep.OneHotEncoding o) {
                ObjectNode columns = s.put("type", "one-hot").put("dummy-na", o.dummyNa()).putObject("columns");
                o.categories().forEach((name, categories) -> {
                    ArrayNode list = columns.putArray(name);
                    categories.forEach(list::add);
                });
            }
        }
        ArrayNode features = root.putArray("features");
        fitted.features().forEach(features::add);
        return root;
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws DataException naming what is missing or malformed
     */
    public static FittedPreprocessing read(JsonNode root, String where) {
        List<FittedPreprocessing.Input> inputs = new ArrayList<>();
        for (JsonNode in : array(root, "inputs", where)) {
            String type = text(in, "type", where);
            if (!type.equals("numeric") && !type.equals("categorical")) {
                throw new DataException(where + ": an input's type is '" + type + "'; expected numeric or categorical");
            }
            inputs.add(new FittedPreprocessing.Input(text(in, "name", where), type.equals("numeric")));
        }
        List<FittedStep> steps = new ArrayList<>();
        for (JsonNode s : array(root, "steps", where)) {
            JsonNode columns = object(s, "columns", where);
            String type = text(s, "type", where);
            switch (type) {
                case "standardize" -> {
                    Map<String, double[]> stats = new LinkedHashMap<>();
                    columns.properties().forEach(e -> {
                        double std = value(e.getValue().get("std"), where + ", standardize " + e.getKey() + ".std");
                        if (std < 0) {
                            throw new DataException(where + ": standardize " + e.getKey() + " has the deviation " + std
                                    + "; a deviation is 0 or more");
                        }
                        stats.put(e.getKey(), new double[] {value(e.getValue().get("mean"), where + ", standardize " + e.getKey()
                                + ".mean"), std});
                    });
                    steps.add(new FittedStep.Standardization(stats));
                }
                case "fill-missing" -> {
                    Map<String, Double> values = new LinkedHashMap<>();
                    columns.properties().forEach(e -> values.put(e.getKey(), value(e.getValue(), where)));
                    steps.add(new FittedStep.Filling(values, fill(text(s, "with", where), where)));
                }
                case "log1p" -> {
                    Map<String, Double> skews = new LinkedHashMap<>();
                    columns.properties().forEach(e -> skews.put(e.getKey(), value(e.getValue(), where)));
                    steps.add(new FittedStep.LogTransform(skews, value(s.get("min-skew"), where)));
                }
                case "one-hot" -> {
                    Map<String, List<String>> categories = new LinkedHashMap<>();
                    columns.properties().forEach(e -> {
                        List<String> list = new ArrayList<>();
                        if (!e.getValue().isArray()) {
                            throw new DataException(where + ": one-hot " + e.getKey() + " must list its categories as strings");
                        }
                        e.getValue().forEach(c -> {
                            if (!c.isTextual() || list.contains(c.asText())) {
                                throw new DataException(where + ": one-hot " + e.getKey() + " lists " + c
                                        + "; expected each category once, as a string");
                            }
                            list.add(c.asText());
                        });
                        categories.put(e.getKey(), List.copyOf(list));
                    });
                    steps.add(new FittedStep.OneHotEncoding(categories, s.path("dummy-na").asBoolean()));
                }
                default -> throw new DataException(where + ": unknown preprocessing step '" + type
                        + "'; expected standardize, fill-missing, log1p or one-hot");
            }
        }
        List<String> features = new ArrayList<>();
        array(root, "features", where).forEach(f -> {
            if (!f.isTextual()) {
                throw new DataException(where + ": a feature name is " + f + "; expected a string");
            }
            features.add(f.asText());
        });
        return new FittedPreprocessing(inputs, steps, features);
    }

    /** Returns the target transform as JSON: its type and, when it standardizes, the fitted mean and deviation. */
    public static ObjectNode write(TargetTransformer target) {
        ObjectNode node = F.objectNode().put("type", target.transform().label());
        if (target.transform().standardize()) {
            node.put("mean", target.mean()).put("std", target.std());
        }
        return node;
    }

    /** Reads what {@link #write(TargetTransformer)} wrote. */
    public static TargetTransformer readTarget(JsonNode node, String where) {
        PreprocessingSpec.TargetTransform transform;
        try {
            transform = PreprocessingSpec.TargetTransform.byLabel(text(node, "type", where));
        } catch (IllegalArgumentException e) {
            throw new DataException(where + ": " + e.getMessage());
        }
        return transform.standardize() ? TargetTransformer.of(transform, value(node.get("mean"), where), value(node.get("std"), where))
                : TargetTransformer.of(transform, 0, 1);
    }

    private static PreprocessingSpec.Fill fill(String label, String where) {
        try {
            return PreprocessingSpec.Fill.byLabel(label);
        } catch (IllegalArgumentException e) {
            throw new DataException(where + ": fill-missing 'with' is '" + label + "'; expected value, mean or median");
        }
    }

    /** Writes a number JSON can hold, or null for NaN: a fill value the fitted rows had none for. */
    private static JsonNode number(double v) {
        return Double.isFinite(v) ? F.numberNode(v) : F.nullNode();
    }

    private static double value(JsonNode node, String where) {
        if (node == null || !(node.isNumber() || node.isNull())) {
            throw new DataException(where + ": expected a number, found " + node);
        }
        return node.isNull() ? Double.NaN : node.doubleValue();
    }

    private static JsonNode array(JsonNode root, String key, String where) {
        JsonNode node = root == null ? null : root.get(key);
        if (node == null || !node.isArray()) {
            throw new DataException(where + ": expected an array '" + key + "'");
        }
        return node;
    }

    private static JsonNode object(JsonNode root, String key, String where) {
        JsonNode node = root.get(key);
        if (node == null || !node.isObject()) {
            throw new DataException(where + ": expected an object '" + key + "'");
        }
        return node;
    }

    private static String text(JsonNode root, String key, String where) {
        JsonNode node = root.get(key);
        if (node == null || !node.isTextual()) {
            throw new DataException(where + ": expected a string '" + key + "'");
        }
        return node.asText();
    }
}
