package org.djx.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.djx.api.spi.ConfigValues;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.json.InvalidDocumentException;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.json.Location;
import org.djx.engine.json.Problem;
import org.junit.jupiter.api.Test;

/** The engine binds through the api and adds only where each problem sits in the file. */
class ConfigBinderTests {
    private static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.number("beta1", "x").withDefault(0.9).atLeast(0).lessThan(1),
            ParameterSpec.integer("epochs", "x").withDefault(5).atLeast(1),
            ParameterSpec.matrix("weights", "x"),
            ParameterSpec.string("mode", "x", "fan-in", "fan-out"));

    private static JsonDocument parse(String json) {
        return JsonDocument.parse("c.json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** The problems of {@code optimizer}, the value of the key "optimizer" of a file's first line. */
    private static List<Problem> problems(String optimizer) {
        JsonDocument document = parse("{\"optimizer\": " + optimizer + "}");
        Problems problems = new Problems(document);
        ConfigBinder.bind(problems, document.root().get("optimizer"), "$.optimizer", SPECS, List.of("type"), "optimizer 'adam'");
        InvalidDocumentException e = catchThrowableOfType(InvalidDocumentException.class, problems::throwIfAny);
        assertThat(e).as("problems expected").isNotNull();
        return e.problems();
    }

    @Test
    void placesEachProblemAtItsKeyOrElementWithLineAndColumn() {
        String json = "{\"type\": \"adam\",\n \"beta1\": 1,\n \"weights\": [[1, 2], [3, \"x\"]],\n \"mode\": \"fan-ni\", \"modes\": 1}";

        List<Problem> p = problems(json);

        assertThat(p).extracting(Problem::path).containsExactly("$.optimizer.beta1", "$.optimizer.weights[1][1]",
                "$.optimizer.mode", "$.optimizer.modes");
        assertThat(p.get(0).location()).isEqualTo(new Location(2, 11));
        assertThat(p.get(0).file()).isEqualTo("c.json");
        assertThat(p.get(0).message()).isEqualTo("beta1 must be in [0, 1), found 1.0");
        assertThat(p.get(1).location()).isEqualTo(new Location(3, 26));
        assertThat(p.get(2).message()).isEqualTo("'fan-ni' is not a valid value for mode; valid: fan-in, fan-out"
                + " (did you mean 'fan-in'?)");
        assertThat(p.get(3).message()).startsWith("unknown key 'modes' for optimizer 'adam'; valid keys: beta1, epochs,"
                + " weights, mode, type (did you mean 'mode'?)");
    }

    @Test
    void quotesAKeyThatIsNotAPlainName() {
        assertThat(problems("{\"learning rate\": 1}")).extracting(Problem::path)
                .containsExactly("$.optimizer['learning rate']");
    }

    @Test
    void writesTheDefaultsIntoTheReadersCopyOfTheTree() {
        JsonDocument document = parse("{\"type\": \"adam\", \"epochs\": 3}");
        ConfigValues c = ConfigBinder.bind(new Problems(document), document.root(), "$.optimizer", SPECS, List.of("type"),
                "optimizer 'adam'");

        JsonNode root = document.root();
        assertThat(root.get("beta1").doubleValue()).isEqualTo(0.9);
        assertThat(root.get("epochs").intValue()).as("a given value stays").isEqualTo(3);
        assertThat(root.has("weights")).isFalse();
        assertThat(c.number("beta1")).isEqualTo(0.9);
    }

    @Test
    void placesAPluginsOwnErrorAtItsKeyInTheFile() {
        JsonDocument document = parse("{\"type\": \"adam\",\n  \"epochs\": 3}");
        ConfigValues c = ConfigBinder.bind(new Problems(document), document.root(), "$", SPECS, List.of("type"),
                "optimizer 'adam'");

        InvalidDocumentException e = (InvalidDocumentException) c.error("epochs", "too many for beta1 0.9");

        assertThat(e.problems()).containsExactly(new Problem("c.json", new Location(2, 13), "$.epochs", "too many for beta1 0.9"));
    }

    @Test
    void bindValidReturnsNullAfterAnyProblem() {
        JsonDocument document = parse("{\"epochs\": 0}");

        assertThat(ConfigBinder.bindValid(new Problems(document), document.root(), "$", SPECS, List.of(), "training")).isNull();
    }
}
