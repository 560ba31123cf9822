package org.djx.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.djx.engine.json.JsonDocument;

/**
 * Requests and outcomes as JSON, for whatever carries them between processes: doubles exactly (the shortest
 * text that reads back to the same bits), NaN and the infinities as strings, which JSON has no numbers for.
 */
public final class TrialCodec {
    private static final ObjectMapper JSON = new ObjectMapper(JsonDocument.strictFactory());

    /** The optional key of an outcome that lists the local data files the run read, with their SHA-256. */
    private static final String LOCAL_FILES = "local-files";

    /** The optional key of a request that says where its relative data paths start. */
    private static final String DATA_FOLDER = "data-folder";

    private TrialCodec() {
    }

    public static String write(TrialRequest request) {
        ObjectNode node = JSON.createObjectNode();
        node.put("trial", request.trial()).put("repeat", request.repeat()).put("rung", request.rung())
                .put("experiment", request.experiment());
        if (!request.dataFolder().isEmpty()) {
            node.put(DATA_FOLDER, request.dataFolder());
        }
        return node.toString();
    }

    /** Reads a request; an IllegalArgumentException says what is wrong with the text. */
    public static TrialRequest readRequest(String text) {
        JsonNode node = parse(text);
        require(node, "trial", "repeat", "rung", "experiment");
        if (!node.get("trial").canConvertToInt() || !node.get("repeat").canConvertToInt() || !node.get("rung").canConvertToInt()
                || !node.get("experiment").isTextual()) {
            throw new IllegalArgumentException("trial, repeat and rung must be whole numbers and experiment the file's text;"
                    + " found " + node);
        }
        JsonNode folder = node.get(DATA_FOLDER);
        if (folder != null && !folder.isTextual()) {
            throw new IllegalArgumentException(DATA_FOLDER + " must be the folder's path as text; found " + folder);
        }
        return new TrialRequest(node.get("trial").intValue(), node.get("repeat").intValue(), node.get("rung").intValue(),
                node.get("experiment").asText(), folder == null ? "" : folder.asText());
    }

    public static ObjectNode outcome(TrialOutcome outcome) {
        ObjectNode node = JSON.createObjectNode();
        node.put("status", outcome.status().name()).put("message", outcome.message()).put("seconds", outcome.seconds());
        ObjectNode results = node.putObject("results");
        outcome.results().forEach((k, v) -> {
            if (Double.isFinite(v)) {
                results.put(k, v);
            } else {
                results.put(k, v.toString());
            }
        });
        if (!outcome.localFiles().isEmpty()) {
            ObjectNode files = node.putObject(LOCAL_FILES);
            outcome.localFiles().forEach(files::put);
        }
        return node;
    }

    public static String write(TrialOutcome outcome) {
        return outcome(outcome).toString();
    }

    /** Reads an outcome; an IllegalArgumentException says what is wrong with the text. */
    public static TrialOutcome readOutcome(String text) {
        return outcome(parse(text));
    }

    /** Reads an outcome from a node such as a sweep's record; an IllegalArgumentException says what is wrong. */
    public static TrialOutcome outcome(JsonNode node) {
        require(node, "status", "message", "seconds", "results");
        Map<String, Double> results = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.get("results").properties()) {
            JsonNode v = e.getValue();
            results.put(e.getKey(), v.isNumber() ? v.doubleValue() : Double.valueOf(v.asText()));
        }
        Map<String, String> files = new LinkedHashMap<>();
        if (node.has(LOCAL_FILES)) {
            for (Map.Entry<String, JsonNode> e : node.get(LOCAL_FILES).properties()) {
                files.put(e.getKey(), e.getValue().asText());
            }
        }
        return new TrialOutcome(TrialOutcome.Status.valueOf(node.get("status").asText()), results, node.get("message").asText(),
                node.get("seconds").doubleValue(), files);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private static void require(JsonNode node, String... keys) {
        for (String key : keys) {
            if (node == null || !node.has(key)) {
                throw new IllegalArgumentException("no '" + key + "' in " + node);
            }
        }
    }
}
