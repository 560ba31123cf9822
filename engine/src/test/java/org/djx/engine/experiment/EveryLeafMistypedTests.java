package org.djx.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.djx.engine.json.InvalidDocumentException;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.json.Problem;
import org.djx.engine.tasks.Experiments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The class of mistakes a user trying a sweep by hand makes first: an array, an object or a string where
 * one value belongs. For every leaf of every shipped experiment, each replacement is refused when the file
 * is read, with a problem at that leaf's JSON path (or, for a key the engine reads itself such as a plugin's
 * type, at the object it belongs to), never accepted and never an internal error.
 */
class EveryLeafMistypedTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Path EXPERIMENTS = Path.of("..", "experiments");

    /** One experiment file with one leaf replaced. */
    record Mistyped(String file, String path, String replacement, String json) {
        @Override
        public String toString() {
            return file + " " + path + " := " + replacement;
        }
    }

    static Stream<Mistyped> mistyped() throws IOException {
        List<Mistyped> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXPERIMENTS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = JSON.readTree(file.toFile());
                List<String> leaves = new ArrayList<>();
                leaves(root, "$", leaves);
                for (String leaf : leaves) {
                    JsonNode value = at(root, leaf);
                    Map<String, Function<JsonNode, JsonNode>> replacements = new java.util.LinkedHashMap<>();
                    replacements.put("an array", v -> F.arrayNode().add(v));
                    replacements.put("an object", v -> F.objectNode().set("value", v));
                    if (!value.isTextual()) {
                        replacements.put("a string", v -> F.textNode(v.asText()));
                    }
                    for (Map.Entry<String, Function<JsonNode, JsonNode>> r : replacements.entrySet()) {
                        JsonNode copy = root.deepCopy();
                        replace(copy, leaf, r.getValue().apply(value));
                        all.add(new Mistyped(file.getFileName().toString(), leaf, r.getKey(), JSON.writeValueAsString(copy)));
                    }
                }
            }
        }
        assertThat(all).as("mistyped files").hasSizeGreaterThan(300);
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistyped")
    void isRefusedAtItsPath(Mistyped m) {
        InvalidDocumentException e = catchThrowableOfType(InvalidDocumentException.class, () -> Experiments.reader()
                .read(JsonDocument.parse(m.file(), m.json().getBytes(StandardCharsets.UTF_8)), Path.of(m.file())));

        assertThat(e).as("%s was accepted", m).isNotNull();
        assertThat(e.problems()).extracting(Problem::path).as(m.toString()).contains(m.path());
    }

    /** Collects the JSON path of every scalar (a number, string or boolean) below {@code node}. */
    private static void leaves(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> leaves(e.getValue(), JsonDocument.child(path, e.getKey()), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), JsonDocument.element(path, i), out);
            }
        } else {
            out.add(path);
        }
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (Object step : steps(path)) {
            node = step instanceof Integer i ? node.get(i) : node.get((String) step);
        }
        return node;
    }

    private static void replace(JsonNode root, String path, JsonNode value) {
        List<Object> steps = steps(path);
        JsonNode parent = root;
        for (Object step : steps.subList(0, steps.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    /** Splits {@code $.a.b[2]['c[0]']} into a, b, 2, c[0]. */
    private static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                steps.add(path.substring(i + 1, end));
                i = end;
            } else if (path.startsWith("['", i)) {
                int end = path.indexOf("']", i);
                steps.add(path.substring(i + 2, end).replace("\\'", "'").replace("\\\\", "\\"));
                i = end + 2;
            } else {
                int end = path.indexOf(']', i);
                steps.add(Integer.parseInt(path.substring(i + 1, end)));
                i = end + 1;
            }
        }
        return steps;
    }
}
