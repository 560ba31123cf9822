package org.djx.plugins.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.djx.api.ConfigurationException;
import org.djx.api.DataException;
import org.djx.api.data.Column;
import org.djx.api.data.Dataset;
import org.djx.api.data.NumericColumn;
import org.djx.api.data.Table;
import org.djx.api.data.TextColumn;
import org.djx.api.spi.DatasetSource;
import org.djx.api.spi.ParameterSpec;
import org.djx.testkit.PluginConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The csv source on a small table of a user's own: what it declares and what it loads. */
class CsvSourceTests {
    @TempDir
    Path dir;

    @Test
    void isFoundByServiceLoaderAsTheDatasetCsv() {
        List<String> names = ServiceLoader.load(DatasetSource.class).stream()
                .filter(p -> p.type() == CsvSource.class)
                .map(p -> p.get().name())
                .toList();

        assertThat(names).containsExactly("csv");
    }

    @Test
    void providerIsPublicFinalWithAPublicNoArgumentConstructor() throws Exception {
        assertThat(Modifier.isPublic(CsvSource.class.getModifiers())).isTrue();
        assertThat(Modifier.isFinal(CsvSource.class.getModifiers())).isTrue();
        assertThat(Modifier.isPublic(CsvSource.class.getConstructor().getModifiers())).isTrue();
    }

    @Test
    void declaresItsKeysWithTrainAndTargetRequiredAndRegressionByDefault() {
        List<ParameterSpec> specs = new CsvSource().configuration();

        assertThat(specs).extracting(ParameterSpec::name).containsExactly("train", "test", "target", "id", "problem", "columns");
        assertThat(specs).filteredOn(ParameterSpec::required).extracting(ParameterSpec::name).containsExactly("train", "target");
        assertThat(specs.get(4).choices()).containsExactly("regression", "classification");
        assertThat(specs.get(4).defaultValue()).isEqualTo("regression");
        assertThat(specs.get(5).choices()).containsExactly("numeric", "categorical", "ignore");
        assertThat(specs.get(0).description()).contains("hub:NAME", "hub:NAME/path/in/archive.csv", "relative to the experiment file");
        assertThat(new CsvSource().description()).contains("CSV");
        assertThat(new CsvSource().files()).isEmpty();
    }

    @Test
    void refusesAProblemOutsideItsChoices() {
        assertThatThrownBy(() -> PluginConfig.of(new CsvSource(), UserTable.classification("problem", "ranking")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ranking")
                .hasMessageContaining("regression, classification");
    }

    @Test
    void readsAUserTableWithAClassTargetMissingCellsAndAnId() {
        UserTable table = new UserTable(dir).standard();

        Dataset data = table.load(UserTable.classification());

        assertThat(data.train().columns()).extracting(Column::name).containsExactly("id", "age", "city", "size", "label");
        assertThat(data.test().columns()).extracting(Column::name).containsExactly("id", "age", "city", "size");
        assertThat(data.target()).isEqualTo("label");
        assertThat(data.id()).isEqualTo("id");
        assertThat(data.isClassification()).isTrue();
        assertThat(data.classes()).containsExactly("benign", "malignant");
        assertThat(texts(data.train(), "id")).containsExactly("1", "2", "3", "4");
        assertThat(numbers(data.train(), "age")).containsExactly(34, Double.NaN, 51, 29);
        assertThat(numbers(data.train(), "size")).containsExactly(Double.NaN, 3.5, 2, Double.NaN);
        assertThat(texts(data.train(), "city")).containsExactly("Paris", "Lyon", null, "Lyon");
        assertThat(texts(data.train(), "label")).containsExactly("malignant", "benign", "malignant", "benign");
        assertThat(numbers(data.test(), "age")).containsExactly(40, Double.NaN);
        assertThat(texts(data.test(), "city")).containsExactly("Paris", null);
        assertThat(table.context.calls).containsExactly("local train.csv", "local test.csv");
    }

    @Test
    void theIdColumnIsTextAsWrittenSoLeadingZerosStayAndOnlyEqualTextRepeats() {
        UserTable table = new UserTable(dir).withTrain("id,age,label", "050,34,a", "50,40,b", "01,51,a", "1,29,b", "1.0,33,a")
                .withTest("id,age", "007,40", "7,41", "7.0,42");

        Dataset data = table.load(Map.of("train", "train.csv", "test", "test.csv", "target", "label", "id", "id",
                "problem", "classification"));

        assertThat(data.train().column("id")).containsInstanceOf(TextColumn.class);
        assertThat(texts(data.train(), "id")).containsExactly("050", "50", "01", "1", "1.0");
        assertThat(data.test().column("id")).containsInstanceOf(TextColumn.class);
        assertThat(texts(data.test(), "id")).containsExactly("007", "7", "7.0");
    }

    @Test
    void numberClassesThatAreCloseButNotEqualAreTwoClasses() {
        // a double cannot tell these apart, but they are two numbers, written each one way
        UserTable table = new UserTable(dir).withTrain("x,level", "1,0.1", "2,0.10000000000000000001", "3,0.1");

        Dataset data = table.load(Map.of("train", "train.csv", "target", "level", "problem", "classification"));

        assertThat(data.classes()).containsExactly("0.1", "0.10000000000000000001");
    }

    @Test
    void oneAndOnePointZeroAmongWordsAreTwoClassesAsTheyAreText() {
        UserTable table = new UserTable(dir).withTrain("x,grade", "1,1", "2,1.0", "3,B");

        Dataset data = table.load(Map.of("train", "train.csv", "target", "grade", "problem", "classification"));

        assertThat(data.classes()).containsExactly("1", "1.0", "B");
    }

    @Test
    void classNamesThatAreAllNumbersAreOrderedByValue() {
        UserTable table = new UserTable(dir).withTrain("x,digit", "1,10", "2,2", "3,1", "4,2", "5,9");

        Dataset data = table.load(Map.of("train", "train.csv", "target", "digit", "problem", "classification"));

        assertThat(data.classes()).containsExactly("1", "2", "9", "10");
        assertThat(data.train().column("digit")).containsInstanceOf(TextColumn.class);
        assertThat(texts(data.train(), "digit")).containsExactly("10", "2", "1", "2", "9");
    }

    @Test
    void classNamesWithOneWordAmongThemAreInStringOrder() {
        UserTable table = new UserTable(dir).withTrain("x,grade", "1,10", "2,2", "3,B", "4,2");

        Dataset data = table.load(Map.of("train", "train.csv", "target", "grade", "problem", "classification"));

        assertThat(data.classes()).containsExactly("10", "2", "B");
    }

    @Test
    void aRegressionWithoutTestFileOrIdIsTrainingRowsAlone() {
        UserTable table = new UserTable(dir).withTrain("size,rooms,price", "50,2,100.5", "80,NA,180", "65,3,150");

        Dataset data = table.load(Map.of("train", "train.csv", "target", "price"));

        assertThat(data.isClassification()).isFalse();
        assertThat(data.test()).isNull();
        assertThat(data.id()).isNull();
        assertThat(numbers(data.train(), "price")).containsExactly(100.5, 180, 150);
        assertThat(numbers(data.train(), "rooms")).containsExactly(2, Double.NaN, 3);
    }

    @Test
    void ignoredColumnsAreGoneFromTrainingAndTestRows() {
        UserTable table = new UserTable(dir).standard();

        Dataset data = table.load(UserTable.classification("columns", Map.of("city", "ignore", "size", "ignore")));

        assertThat(data.train().columns()).extracting(Column::name).containsExactly("id", "age", "label");
        assertThat(data.test().columns()).extracting(Column::name).containsExactly("id", "age");
    }

    @Test
    void anIgnoredColumnIsNotTypeChecked() {
        // numbers in training and a word in test would otherwise be an error at the word
        UserTable table = new UserTable(dir).standard().withTest("id,age,city,size", "10,forty,Paris,1", "11,NA,,2");

        Dataset data = table.load(UserTable.classification("columns", Map.of("age", "ignore")));

        assertThat(data.test().column("age")).isEmpty();
    }

    @Test
    void aCategoricalColumnKeepsItsNumbersAsWritten() {
        UserTable table = new UserTable(dir).withTrain("zip,rooms,price", "007,3,100", "3,3.0,120", "3.0,NA,90")
                .withTest("zip,rooms", "10,2");
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("zip", "categorical");
        columns.put("rooms", "categorical");

        Dataset data = table.load(Map.of("train", "train.csv", "test", "test.csv", "target", "price", "columns", columns));

        assertThat(texts(data.train(), "zip")).containsExactly("007", "3", "3.0");
        assertThat(texts(data.train(), "rooms")).containsExactly("3", "3.0", null);
        assertThat(texts(data.test(), "zip")).containsExactly("10");
    }

    @Test
    void aNumericColumnWithOnlyNumbersAndMissingCellsLoadsAsNumbers() {
        UserTable table = new UserTable(dir).withTrain("rooms,price", "3,100", "NA,120", "nan,90");

        Dataset data = table.load(Map.of("train", "train.csv", "target", "price", "columns", Map.of("rooms", "numeric")));

        assertThat(numbers(data.train(), "rooms")).containsExactly(3, Double.NaN, Double.NaN);
    }

    @Test
    void readsTheTrainingFileFromTheHubAndTheTestFileFromAnArchive() {
        UserTable table = new UserTable(dir);
        Path hubTrain = FakeDataContext.write(dir.resolve("cache/people_train.csv"), UserTable.TRAIN);
        Path archive = dir.resolve("cache/people-1.0");
        FakeDataContext.write(archive.resolve("people/test.csv"), UserTable.TEST);
        table.context.hubFile("people_train", hubTrain).archive("people-1.0", archive);

        Dataset data = table.load(UserTable.classification("train", "hub:people_train", "test", "hub:people-1.0/people/test.csv"));

        assertThat(data.test().rows()).isEqualTo(2);
        assertThat(table.context.calls).containsExactly("fetch people_train", "extract people-1.0");
    }

    @Test
    void passesOnTheContextsErrorForAMissingLocalFile() {
        UserTable table = new UserTable(dir).standard();

        assertThatThrownBy(() -> table.load(UserTable.classification("test", "data/missing.csv")))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("'data/missing.csv' (" + dir.resolve("data/missing.csv") + "): no such file");
    }

    @Test
    void passesOnTheContextsErrorForAnUnknownHubFile() {
        UserTable table = new UserTable(dir).standard();

        assertThatThrownBy(() -> table.load(UserTable.classification("train", "hub:nowhere")))
                .isInstanceOf(DataException.class)
                .hasMessage("no data-hub file 'nowhere'");
    }

    static double[] numbers(Table table, String column) {
        return ((NumericColumn) table.column(column).orElseThrow()).toArray();
    }

    static String[] texts(Table table, String column) {
        TextColumn text = (TextColumn) table.column(column).orElseThrow();
        String[] values = new String[text.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = text.get(r);
        }
        return values;
    }
}
