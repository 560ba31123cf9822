package org.djx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.djx.api.ConfigurationException;
import org.djx.api.spi.ParameterSpec;
import org.djx.api.spi.Plugin;
import org.junit.jupiter.api.Test;

class PluginConfigTests {
    /** A plugin declaring one key of every type. */
    static final class ExamplePlugin implements Plugin {
        @Override
        public String name() {
            return "example";
        }

        @Override
        public String description() {
            return "Declares one key of every type.";
        }

        @Override
        public List<ParameterSpec> configuration() {
            return List.of(
                    ParameterSpec.integer("count", "How many.").asRequired().atLeast(1),
                    ParameterSpec.number("rate", "How fast.").withDefault(0.5).greaterThan(0),
                    ParameterSpec.bool("flag", "Whether.").withDefault(true),
                    ParameterSpec.string("mode", "Which way.", "fast", "slow").withDefault("fast"),
                    ParameterSpec.string("label", "A name."),
                    ParameterSpec.numbers("values", "Some numbers."),
                    ParameterSpec.matrix("grid", "Some rows."));
        }
    }

    private final Plugin plugin = new ExamplePlugin();

    @Test
    void fillsDeclaredDefaultsAndKeepsGivenValues() {
        PluginConfig config = PluginConfig.of(plugin, Map.of("count", 3));

        assertThat(config.integer("count")).isEqualTo(3);
        assertThat(config.number("rate")).isEqualTo(0.5);
        assertThat(config.bool("flag")).isTrue();
        assertThat(config.string("mode")).isEqualTo("fast");
        assertThat(config.has("rate")).isTrue();
    }

    @Test
    void reportsAnOptionalKeyWithoutDefaultAsAbsent() {
        PluginConfig config = PluginConfig.of(plugin, Map.of("count", 3));

        assertThat(config.has("label")).isFalse();
        assertThatThrownBy(() -> config.string("label"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'label'")
                .hasMessageContaining("has no value");
    }

    @Test
    void rejectsUndeclaredKeysAndListsTheValidOnes() {
        assertThatThrownBy(() -> PluginConfig.of(plugin, Map.of("count", 3, "cuont", 4)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'example'")
                .hasMessageContaining("unknown key 'cuont'")
                .hasMessageContaining("valid keys: count, rate, flag, mode, label, values, grid");
    }

    @Test
    void rejectsAMissingRequiredKey() {
        assertThatThrownBy(() -> PluginConfig.defaults(plugin))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("missing required key 'count' for plugin 'example': an integer >= 1 (How many.)");
    }

    @Test
    void rejectsValuesOfTheWrongTypeAndReportsThemAllAtOnce() {
        Map<String, Object> values = Map.of("count", 3.5, "rate", "fast", "flag", 1, "mode", true);

        assertThatThrownBy(() -> PluginConfig.of(plugin, values))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("invalid configuration of plugin 'example': ")
                .hasMessageContaining("count: expected an integer >= 1, found the number 3.5")
                .hasMessageContaining("rate: expected a number > 0, found the string \"fast\"")
                .hasMessageContaining("flag: expected true or false, found the integer 1")
                .hasMessageContaining("mode: expected one of: fast, slow, found true");
    }

    @Test
    void rejectsNullAndNonFiniteNumbers() {
        Map<String, Object> values = new HashMap<>();
        values.put("count", null);
        values.put("rate", Double.NaN);

        assertThatThrownBy(() -> PluginConfig.of(plugin, values))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("count: expected an integer >= 1, found null")
                .hasMessageContaining("rate: expected a number > 0, found NaN");
    }

    @Test
    void acceptsWholeNumbersForNumberKeysAsJsonDoes() {
        PluginConfig config = PluginConfig.of(plugin, Map.of("count", 2L, "rate", 5));

        assertThat(config.integer("count")).isEqualTo(2);
        assertThat(config.number("rate")).isEqualTo(5.0);
    }

    @Test
    void rejectsValuesOutsideTheDeclaredBoundsAndChoices() {
        assertThatThrownBy(() -> PluginConfig.of(plugin, Map.of("count", 0, "rate", 0.0, "mode", "medium")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("count: count must be >= 1, found 0")
                .hasMessageContaining("rate: rate must be > 0, found 0.0")
                .hasMessageContaining("mode: 'medium' is not a valid value for mode; valid: fast, slow");
    }

    @Test
    void readsArraysAndMatricesAsCopies() {
        double[] values = {1, 2};
        PluginConfig config = PluginConfig.of(plugin, Map.of("count", 1, "values", values,
                "grid", List.of(List.of(1, 2), List.of(3.5, 4))));
        values[0] = 99;

        double[] read = config.numbers("values");
        read[1] = 99;
        double[][] grid = config.matrix("grid");
        grid[0][0] = 99;

        assertThat(config.numbers("values")).containsExactly(1, 2);
        assertThat(config.matrix("grid")).isDeepEqualTo(new double[][] {{1, 2}, {3.5, 4}});
    }

    @Test
    void rejectsRaggedOrEmptyMatricesAndEmptyArrays() {
        assertThatThrownBy(() -> PluginConfig.of(plugin, Map.of("count", 1, "grid", new double[][] {{1, 2}, {3}})))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("grid[1]: row 1 has 1 values but row 0 has 2; every row of a matrix has the same length");
        assertThatThrownBy(() -> PluginConfig.of(plugin, Map.of("count", 1, "values", new double[0])))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("values: expected a non-empty array of numbers, found an empty array");
    }

    @Test
    void acceptsJavaArraysAndSmallNumberTypesAsTheirJsonCounterparts() {
        PluginConfig config = PluginConfig.of(plugin, Map.of("count", (short) 2, "rate", 0.25f,
                "values", new int[] {1, 2}, "grid", new Object[] {new int[] {1, 2}, List.of(3, 4.5)}));

        assertThat(config.integer("count")).isEqualTo(2);
        assertThat(config.number("rate")).isEqualTo(0.25);
        assertThat(config.numbers("values")).containsExactly(1, 2);
        assertThat(config.matrix("grid")).isDeepEqualTo(new double[][] {{1, 2}, {3, 4.5}});
    }

    @Test
    void coercesNoValueAsTheEngineDoesNot() {
        assertThatThrownBy(() -> PluginConfig.of(plugin, Map.of("count", "10")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("count: expected an integer >= 1, found the string \"10\"");
        assertThatThrownBy(() -> PluginConfig.of(plugin, Map.of("count", 2.0)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("count: expected an integer >= 1, found the number 2.0");
        assertThatThrownBy(() -> PluginConfig.of(plugin, Map.of("count", 3_000_000_000L)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("found the integer 3000000000, which is out of range");
    }

    @Test
    void treatsReadingAnUndeclaredKeyOrTheWrongTypeAsAProgrammingError() {
        PluginConfig config = PluginConfig.of(plugin, Map.of("count", 3));

        assertThatThrownBy(() -> config.number("speed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'speed' is not a declared parameter of plugin 'example'");
        assertThatThrownBy(() -> config.number("count"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'count' of plugin 'example' is declared as integer, not number");
    }

    @Test
    void placesAPluginsOwnErrorAtTheKey() {
        PluginConfig config = PluginConfig.of(plugin, Map.of("count", 3));

        ConfigurationException e = config.error("rate", "too slow for count 3");

        assertThat(e).hasMessage("invalid value at 'rate' of 'example' {count=3, rate=0.5, flag=true, mode=\"fast\"}:"
                + " too slow for count 3");
    }

    @Test
    void describesItselfWithEveryValueInDeclarationOrder() {
        PluginConfig config = PluginConfig.of(plugin, Map.of("values", new double[] {1, 2}, "count", 3));

        assertThat(config).hasToString("{count=3, rate=0.5, flag=true, mode=\"fast\", values=[1.0, 2.0]}");
    }
}
