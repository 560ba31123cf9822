package org.djx.engine.experiment;

import org.djx.engine.tasks.BuiltInTasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.plugin.PluginLoader;
import org.djx.engine.plugin.PluginRegistry;
import org.junit.jupiter.api.Test;

/** The generated schema, read by an independent JSON Schema implementation, accepts what djx accepts. */
class ExperimentSchemaTests {
    private static final PluginRegistry PLUGINS = PluginLoader.load(List.of());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectNode SCHEMA = ExperimentSchema.generate(PLUGINS, BuiltInTasks.registry());
    private static final JsonSchema VALIDATOR = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(SCHEMA);

    @Test
    void isDraft202012AndNamesEveryInstalledPluginUnderItsKind() {
        assertThat(SCHEMA.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        for (PluginKind kind : PluginKind.values()) {
            ArrayNode oneOf = (ArrayNode) SCHEMA.get("$defs").get(kind.label()).get("oneOf");
            List<String> names = oneOf.findValues("const").stream().map(JsonNode::asText).toList();
            assertThat(names).as(kind.label()).containsAll(PLUGINS.names(kind));
        }
    }

    @Test
    void carriesEachParametersBoundsAndDefault() {
        assertThat(plugin("optimizer", "sgd").at("/properties/lr/exclusiveMinimum").asDouble()).isZero();
        assertThat(plugin("optimizer", "sgd").get("required")).extracting(JsonNode::asText).containsExactly("type", "lr");
        assertThat(plugin("optimizer", "adam").at("/properties/lr/default").asDouble()).isEqualTo(0.001);
        assertThat(plugin("layer", "linear").at("/properties/outputs/minimum").asInt()).isEqualTo(1);
        assertThat(plugin("initializer", "he-normal").at("/properties/mode/enum")).extracting(JsonNode::asText)
                .containsExactly("fan-in", "fan-out");
    }

    @Test
    void statesAnExclusiveUpperBoundAsExclusiveMaximum() throws IOException {
        JsonNode beta1 = plugin("optimizer", "adam").at("/properties/beta1");
        assertThat(beta1.get("exclusiveMaximum").asDouble()).isEqualTo(1.0);
        assertThat(beta1.has("maximum")).isFalse();
        assertThat(beta1.get("minimum").asDouble()).isZero();

        ObjectNode file = (ObjectNode) JSON.readTree(Path.of("..", "experiments", "backprop-2-2-2.json").toFile());
        ObjectNode optimizer = file.putObject("optimizer").put("type", "adam");
        optimizer.put("beta1", 0.999);
        assertThat(VALIDATOR.validate(file)).as("beta1 0.999").isEmpty();
        optimizer.put("beta1", 1.0);
        assertThat(VALIDATOR.validate(file)).as("beta1 1").isNotEmpty();
    }

    @Test
    void everyShippedExperimentValidates() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "experiments"))) {
            List<Path> experiments = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertThat(experiments).hasSizeGreaterThanOrEqualTo(7);
            for (Path file : experiments) {
                assertThat(VALIDATOR.validate(JSON.readTree(file.toFile()))).as(file.toString()).isEmpty();
            }
        }
    }

    @Test
    void filesTheReaderRejectsDoNotValidateEither() throws IOException {
        ObjectNode good = (ObjectNode) JSON.readTree(Path.of("..", "experiments", "forward-pass.json").toFile());
        assertThat(VALIDATOR.validate(good)).isEmpty();

        ObjectNode misspelt = good.deepCopy();
        ((ObjectNode) misspelt.at("/model/layers/1")).put("type", "sigmiod");
        ObjectNode unknownKey = good.deepCopy().put("sead", 1);
        ObjectNode stringForInteger = good.deepCopy();
        ((ObjectNode) stringForInteger.get("model")).put("inputs", "2");
        ObjectNode missingSection = good.deepCopy().put("task", "train");
        ObjectNode unusedSection = good.deepCopy();
        unusedSection.putObject("loss").put("type", "mse");
        for (ObjectNode bad : List.of(misspelt, unknownKey, stringForInteger, missingSection, unusedSection)) {
            assertThat(VALIDATOR.validate(bad)).as(bad.toString()).isNotEmpty();
        }
    }

    @Test
    void takesAnOptionalScheduleWhereTheTaskTrainsWithTheFilesOptimizer() throws IOException {
        ObjectNode file = (ObjectNode) JSON.readTree(Path.of("..", "experiments", "backprop-2-2-2.json").toFile());
        assertThat(VALIDATOR.validate(file)).as("without a schedule").isEmpty();
        assertThat(SCHEMA.at("/allOf").findValues("required")).allSatisfy(required ->
                assertThat(required).extracting(JsonNode::asText).doesNotContain("schedule"));

        file.putObject("schedule").put("type", "cosine").put("eta-min", 0.001);
        assertThat(VALIDATOR.validate(file)).as("cosine").isEmpty();
        ((ObjectNode) file.get("schedule")).put("t-max", 0);
        assertThat(VALIDATOR.validate(file)).as("t-max 0").isNotEmpty();
        file.putObject("schedule").put("type", "step");
        assertThat(VALIDATOR.validate(file)).as("step without step-size").isNotEmpty();
        assertThat(plugin("schedule", "linear-warmup").at("/properties/start-factor/exclusiveMinimum").asDouble()).isZero();

        ObjectNode forward = (ObjectNode) JSON.readTree(Path.of("..", "experiments", "forward-pass.json").toFile());
        forward.putObject("schedule").put("type", "cosine");
        assertThat(VALIDATOR.validate(forward)).as("a schedule for a forward pass").isNotEmpty();
    }

    private static JsonNode plugin(String kind, String name) {
        for (JsonNode p : SCHEMA.get("$defs").get(kind).get("oneOf")) {
            if (p.at("/properties/type/const").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no " + kind + " " + name + " in the schema");
    }
}
