package org.djx.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.djx.api.spi.ConfigValues;
import org.djx.api.spi.ParameterSpec;
import org.djx.api.spi.Suggestions;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.report.Expectation;
import org.djx.engine.task.ResultNames;

/** The {@code expect} section: a band for each result the run must produce, any task. */
final class ExpectSection {
    static final List<ParameterSpec> BAND = List.of(
            ParameterSpec.number("min", "The smallest value that holds (inclusive)."),
            ParameterSpec.number("max", "The largest value that holds (inclusive)."),
            ParameterSpec.number("equals", "The one value that holds; instead of min and max."));

    private ExpectSection() {
    }

    /** Reports each expectation that names a result the task does not produce, with the names it does. */
    static void checkNames(Problems problems, List<Expectation> expectations, String task, ResultNames results) {
        for (Expectation e : expectations) {
            if (!results.has(e.metric())) {
                problems.add(e.path(), "task '" + task + "' produces no result '" + e.metric() + "'; its results are: "
                        + String.join(", ", results.listing()) + Suggestions.didYouMean(e.metric(), results.exact()));
            }
        }
    }

    /** Reads {@code "expect": {"RESULT": {"min": a, "max": b} or {"equals": v}, ...}}. */
    static List<Expectation> read(Problems problems, JsonNode node) {
        String path = "$.expect";
        if (!SectionBinder.expectObject(problems, node, path)) {
            return List.of();
        }
        List<Expectation> list = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String p = JsonDocument.child(path, e.getKey());
            if (!SectionBinder.expectObject(problems, e.getValue(), p)) {
                continue;
            }
            ConfigValues band = ConfigBinder.bindValid(problems, e.getValue(), p, BAND, List.of(), "the expectation of '" + e.getKey() + "'");
            if (band == null) {
                continue;
            }
            if (band.has("equals") && (band.has("min") || band.has("max"))) {
                problems.add(p, "give either 'equals' or 'min' and/or 'max', not both");
            } else if (band.has("equals")) {
                list.add(new Expectation(e.getKey(), band.number("equals"), band.number("equals"), p));
            } else if (!band.has("min") && !band.has("max")) {
                problems.add(p, "an expectation needs 'min', 'max' or 'equals'");
            } else {
                double min = band.has("min") ? band.number("min") : Double.NEGATIVE_INFINITY;
                double max = band.has("max") ? band.number("max") : Double.POSITIVE_INFINITY;
                if (min > max) {
                    problems.add(p, "min " + min + " exceeds max " + max);
                } else {
                    list.add(new Expectation(e.getKey(), min, max, p));
                }
            }
        }
        return list;
    }
}
