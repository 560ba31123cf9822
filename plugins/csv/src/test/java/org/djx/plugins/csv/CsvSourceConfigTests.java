package org.djx.plugins.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.djx.api.ConfigurationException;
import org.djx.testkit.PluginConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values that are valid one by one but not as a csv source's configuration: refused by check(), before
 * any file is read, each at its key and saying what is valid.
 */
class CsvSourceConfigTests {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"train.csv", "data/train.csv", "../shared/train.csv", "/data/train.csv", "hub:kaggle_house_train",
        "hub:uci-adult.v2/adult/train.csv", "hub:x/./a//b.csv", "hub:9x/a..b.csv"})
    void acceptsEveryFormOfALocation(String location) {
        assertThatCode(() -> check(UserTable.classification("train", location, "test", location))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|the value is empty; expected a path relative to the experiment file",
        "' '|the value is empty",
        "hub:|'hub:' names no data-hub file; expected",
        "hub:/a.csv|'hub:/a.csv' names no data-hub file",
        "hub:my data|'my data' is not a data-hub name: a name starts with a letter or digit and holds only letters, digits, '.', '_' and '-'",
        "hub:.hidden/a.csv|'.hidden' is not a data-hub name",
        "hub:x/|'hub:x/' names no file inside the archive 'x'; expected a path relative to the archive's top folder, such as hub:x/data/train.csv",
        "hub:x/../y.csv|the path inside the archive '../y.csv' climbs out of the archive with '..'",
        "hub:x/data/../../y.csv|the path inside the archive 'data/../../y.csv' climbs out of the archive",
        "hub:x//etc/passwd|the path inside the archive '/etc/passwd' is absolute",
        "hub:x/data\\train.csv|holds a '\\'; separate folders with '/'"})
    void refusesAMalformedLocationAtItsKey(String location, String message) {
        for (String key : new String[] {"train", "test"}) {
            assertThatThrownBy(() -> check(UserTable.classification(key, location)))
                    .as(key)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("invalid value at '" + key + "' of 'csv'")
                    .hasMessageContaining(message);
        }
    }

    @Test
    void refusesAnIdThatIsTheTarget() {
        assertThatThrownBy(() -> check(UserTable.classification("id", "label")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("invalid value at 'id' of 'csv'")
                .hasMessageContaining("'label' is also the target; expected another column");
    }

    @Test
    void refusesAnEmptyTarget() {
        assertThatThrownBy(() -> check(UserTable.classification("target", "")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("invalid value at 'target' of 'csv'");
    }

    @Test
    void refusesATypeForTheTargetColumn() {
        assertThatThrownBy(() -> check(UserTable.classification("columns", Map.of("label", "categorical"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("invalid value at 'columns' of 'csv'")
                .hasMessageContaining("'label' is the target, whose type \"problem\" sets")
                .hasMessageContaining("Remove 'label' from \"columns\"");
    }

    @Test
    void refusesATypeForTheIdColumn() {
        assertThatThrownBy(() -> check(UserTable.classification("columns", Map.of("id", "ignore"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("invalid value at 'columns' of 'csv'")
                .hasMessageContaining("'id' is the id column")
                .hasMessageContaining("always read as text, each id as written");
    }

    @Test
    void loadChecksTheConfigurationBeforeAskingForAnyFile() {
        UserTable table = new UserTable(dir).standard();

        table.failure(UserTable.classification("id", "label"), ConfigurationException.class);

        assertThat(table.context.calls).isEmpty();
    }

    @Test
    void aColumnTypeForAColumnNotInTheTrainingFileIsAnErrorListingTheHeader() {
        UserTable table = new UserTable(dir).standard();

        assertThat(table.failure(UserTable.classification("columns", Map.of("sise", "ignore")), ConfigurationException.class))
                .startsWith("invalid value at 'columns' of 'csv'")
                .contains("the training file " + table.train + " has no column 'sise' (did you mean 'size'?); expected a name"
                        + " from its header, which has 5 columns: id, age, city, size, label");
    }

    private static void check(Map<String, Object> values) {
        // the csv source, not JUnit's @CsvSource
        org.djx.plugins.csv.CsvSource source = new org.djx.plugins.csv.CsvSource();
        source.check(PluginConfig.of(source, values));
    }
}
