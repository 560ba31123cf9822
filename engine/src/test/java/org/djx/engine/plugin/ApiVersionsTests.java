package org.djx.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiVersionsTests {
    @ParameterizedTest(name = "built against {0}, running {1}")
    @CsvSource({
            "0.1.0, 0.1.0",
            "0.1.0, 0.1.4",
            "0.1.4, 0.1.0",
            "1.2.0, 1.5.3",
            "1.5.0, 1.5.0-rc1",
            "2.0, 2.0.1"})
    void aPluginFitsAnApiOfTheSameLineThatIsNotOlderThanItNeeds(String builtAgainst, String running) {
        assertThat(ApiVersions.incompatibility(builtAgainst, running)).isEmpty();
    }

    @ParameterizedTest(name = "built against {0}, running {1}")
    @CsvSource({
            "0.2.0, 0.1.0, before 1.0 a new minor version of the api may break plugins",
            "0.1.0, 0.2.0, before 1.0 a new minor version of the api may break plugins",
            "1.5.0, 1.2.0, it may use what the older api 1.2.0 lacks",
            "1.9.0, 2.0.0, a new major version of the api may break plugins",
            "2.0.0, 1.9.0, a new major version of the api may break plugins",
            "snapshot, 0.1.0, the versions differ and are not of the form MAJOR.MINOR.PATCH"})
    void aPluginDoesNotFitAnotherLineOrAnOlderApi(String builtAgainst, String running, String why) {
        assertThat(ApiVersions.incompatibility(builtAgainst, running)).hasValue(why);
    }
}
