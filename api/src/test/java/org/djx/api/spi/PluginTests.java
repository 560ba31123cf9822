package org.djx.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PluginTests {
    @ParameterizedTest
    @ValueSource(strings = {"adam", "leaky-relu", "xavier-normal", "a1-b2", "kaggle-house"})
    void acceptsKebabCaseNames(String name) {
        assertThat(Plugin.isValidName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Adam", "leaky_relu", "-relu", "relu-", "leaky--relu", "1cycle", "", " adam", "int ops"})
    void refusesOtherNames(String name) {
        assertThat(Plugin.isValidName(name)).isFalse();
    }

    @Test
    void refusesNull() {
        assertThat(Plugin.isValidName(null)).isFalse();
    }

    @Test
    void reservesNameAndInitForLayersOnly() {
        assertThat(Plugin.reservedKeys(LayerFactory.class)).containsExactly("type", "name", "init");
        assertThat(Plugin.reservedKeys(OptimizerFactory.class)).containsExactly("type");
        assertThat(Plugin.reservedKeys(DatasetSource.class)).containsExactly("type");
    }
}
