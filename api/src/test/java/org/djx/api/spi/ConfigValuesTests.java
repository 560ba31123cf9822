package org.djx.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djx.api.ConfigurationException;
import org.junit.jupiter.api.Test;

class ConfigValuesTests {
    private static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.number("lr", "Learning rate.").asRequired().greaterThan(0),
            ParameterSpec.number("weight-decay", "L2 penalty.").withDefault(0.0).atLeast(0),
            ParameterSpec.bool("nesterov", "Look ahead."),
            ParameterSpec.numbers("biases", "Initial biases."));

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static ConfigValues bind(Map<String, Object> raw) {
        return ConfigValues.bind(SPECS, raw, Plugin.RESERVED_KEYS, "optimizer 'sgd'");
    }

    @Test
    void fillsInDefaultsAndKeepsGivenValuesInDeclarationOrder() {
        ConfigValues c = bind(object("biases", List.of(1, 2), "type", "sgd", "lr", 0.5));

        assertThat(c.isValid()).isTrue();
        assertThat(c.problems()).isEmpty();
        assertThat(c.values().keySet()).containsExactly("lr", "weight-decay", "biases");
        assertThat(c.number("lr")).isEqualTo(0.5);
        assertThat(c.number("weight-decay")).isEqualTo(0.0);
        assertThat(c.has("nesterov")).isFalse();
        assertThat(c.numbers("biases")).containsExactly(1, 2);
        assertThat(c).hasToString("{lr=0.5, weight-decay=0.0, biases=[1.0, 2.0]}");
    }

    @Test
    void reportsAnUnknownKeyWithTheValidKeysAndTheNearest() {
        ConfigValues c = bind(object("lr", 0.1, "weight-decy", 0.1));

        assertThat(c.isValid()).isFalse();
        assertThat(c.problems()).containsExactly(ConfigProblem.of("weight-decy", "",
                "unknown key 'weight-decy' for optimizer 'sgd'; valid keys: lr, weight-decay, nesterov, biases, type"
                        + " (did you mean 'weight-decay'?)"));
    }

    @Test
    void saysNoneWhenNoKeyIsValid() {
        ConfigValues c = ConfigValues.bind(List.of(), object("x", 1), List.of(), "loss 'mse'");

        assertThat(c.problems()).extracting(ConfigProblem::message)
                .containsExactly("unknown key 'x' for loss 'mse'; valid keys: none");
    }

    @Test
    void reportsAMissingRequiredKeyAtTheObjectWithWhatItTakes() {
        ConfigValues c = bind(object());

        assertThat(c.problems()).containsExactly(ConfigProblem.of(null, "",
                "missing required key 'lr' for optimizer 'sgd': a number > 0 (Learning rate.)"));
        assertThat(c.number("weight-decay")).as("defaults are still filled in").isEqualTo(0.0);
    }

    @Test
    void aPresentButInvalidKeyIsNotAlsoMissingNorDefaulted() {
        ConfigValues c = bind(object("lr", "0.1", "weight-decay", -1));

        assertThat(c.problems()).containsExactly(
                ConfigProblem.of("lr", "", "expected a number > 0, found the string \"0.1\""),
                ConfigProblem.of("weight-decay", "", "weight-decay must be >= 0, found -1.0"));
        assertThat(c.has("lr")).isFalse();
        assertThat(c.has("weight-decay")).isFalse();
    }

    @Test
    void reportsEveryProblemInTheObjectsOrderThenTheMissingKeys() {
        ConfigValues c = ConfigValues.bind(List.of(ParameterSpec.integer("epochs", "x").asRequired(),
                ParameterSpec.numbers("biases", "x")), object("biases", List.of(1, "x"), "ephocs", 3), List.of(), "training");

        assertThat(c.problems()).extracting(ConfigProblem::toString).containsExactly(
                "biases[1]: expected a number, found the string \"x\"",
                "ephocs: unknown key 'ephocs' for training; valid keys: epochs, biases (did you mean 'epochs'?)",
                "missing required key 'epochs' for training: an integer (x)");
    }

    @Test
    void treatsAnExplicitNullAsAGivenValue() {
        ConfigValues c = bind(object("lr", null));

        assertThat(c.problems()).containsExactly(ConfigProblem.of("lr", "", "expected a number > 0, found null"));
    }

    @Test
    void refusesSpecsThatShareAName() {
        assertThatThrownBy(() -> ConfigValues.bind(List.of(ParameterSpec.number("lr", "x"), ParameterSpec.integer("lr", "y")),
                Map.of(), List.of(), "optimizer 'sgd'"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the parameter 'lr' of optimizer 'sgd' is declared twice");
    }

    @Test
    void treatsReadingAnUndeclaredKeyTheWrongTypeOrAnAbsentValueAsAProgrammingError() {
        ConfigValues c = bind(object("lr", 0.1));

        assertThatThrownBy(() -> c.number("momentum")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'momentum' is not a declared parameter of optimizer 'sgd'; declared: [lr, weight-decay, nesterov, biases]");
        assertThatThrownBy(() -> c.bool("lr")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'lr' of optimizer 'sgd' is declared as number, not boolean");
        assertThatThrownBy(() -> c.bool("nesterov")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'nesterov' of optimizer 'sgd' has no value and no default; check has() first");
    }

    @Test
    void readsArraysAsCopies() {
        ConfigValues c = ConfigValues.bind(List.of(ParameterSpec.matrix("w", "x")), object("w", List.of(List.of(1, 2))),
                List.of(), "layer 'linear'");

        c.matrix("w")[0][0] = 99;
        ((double[][]) c.values().get("w"))[0][1] = 99;

        assertThat(c.matrix("w")).isDeepEqualTo(new double[][] {{1, 2}});
    }

    @Test
    void placesErrorsThroughTheGivenFunctionOrNamesTheOwner() {
        ConfigValues c = bind(object("lr", 0.1));

        assertThat(c.error("lr", "too fast")).hasMessage("invalid value at 'lr' of optimizer 'sgd': too fast");
        ConfigurationException placed = c.placingErrors((key, message) -> new ConfigurationException("x.json:3:7 $." + key
                + ": " + message)).error("lr", "too fast");
        assertThat(placed).hasMessage("x.json:3:7 $.lr: too fast");
    }
}
