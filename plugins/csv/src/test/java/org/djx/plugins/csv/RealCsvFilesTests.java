package org.djx.plugins.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.djx.api.data.Column;
import org.djx.api.data.Dataset;
import org.djx.api.data.NumericColumn;
import org.djx.api.data.Table;
import org.djx.api.data.TextColumn;
import org.djx.testkit.PluginConfig;
import org.junit.jupiter.api.Test;

/**
 * The csv source on real files, where they are on this machine ({@link SharedDatasets}): Kaggle's
 * house prices read exactly as kaggle-house reads them, and three scikit-learn classifications.
 */
class RealCsvFilesTests {
    @Test
    void readsKagglesHousePricesExactlyAsKaggleHouseDoes() {
        String trainName = KaggleHouseSource.TRAIN.fileName();
        String testName = KaggleHouseSource.TEST.fileName();
        Path folder = SharedDatasets.folderWith(trainName, testName);
        Map<String, Path> hub = Map.of(
                KaggleHouseSource.TRAIN.name(), folder.resolve(trainName),
                KaggleHouseSource.TEST.name(), folder.resolve(testName));
        Dataset house = new KaggleHouseSource().load(null, HouseFiles.filesOnly(hub::get));

        Dataset csv = load(new FakeDataContext(folder).hubFile("kaggle_house_train", hub.get("kaggle_house_train"))
                .hubFile("kaggle_house_test", hub.get("kaggle_house_test")), Map.of(
                "train", "hub:kaggle_house_train", "test", "hub:kaggle_house_test", "target", "SalePrice", "id", "Id"));

        assertSameTable(csv.train(), house.train());
        assertSameTable(csv.test(), house.test());
        assertThat(csv.target()).isEqualTo(house.target());
        assertThat(csv.id()).isEqualTo(house.id());
        assertThat(csv.classes()).isEqualTo(house.classes()).isEmpty();
        assertThat(csv.train().columns()).hasSize(81);
    }

    @Test
    void readsTheDigitsAsTenClassesInNumericOrder() {
        Dataset data = classification("digits.csv", "digit");

        assertShape(data, 1797, 66);
        assertThat(data.classes()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        // the 64 pixels; the id is text and the digit a class name
        assertThat(data.train().columns().stream().filter(c -> c instanceof NumericColumn)).hasSize(64);
    }

    @Test
    void readsTheBreastCancerDiagnosesAsBenignAndMalignant() {
        Dataset data = classification("breast_cancer.csv", "diagnosis");

        assertShape(data, 569, 32);
        assertThat(data.classes()).containsExactly("benign", "malignant");
    }

    @Test
    void readsTheWineCultivarsAsThreeClasses() {
        Dataset data = classification("wine.csv", "cultivar");

        assertShape(data, 178, 15);
        assertThat(data.classes()).containsExactly("class_0", "class_1", "class_2");
    }

    private static Dataset classification(String fileName, String target) {
        Path folder = SharedDatasets.folderWith(fileName);
        return load(new FakeDataContext(folder), Map.of("train", fileName, "target", target, "id", "id",
                "problem", "classification"));
    }

    private static Dataset load(FakeDataContext context, Map<String, Object> values) {
        CsvSource source = new CsvSource();
        return source.load(PluginConfig.of(source, values), context);
    }

    private static void assertShape(Dataset data, int rows, int columns) {
        assertThat(data.train().rows()).isEqualTo(rows);
        assertThat(data.train().columns()).hasSize(columns);
        assertThat(data.test()).isNull();
        assertThat(data.train().column(data.target())).containsInstanceOf(TextColumn.class);
        assertThat(data.train().column("id")).containsInstanceOf(TextColumn.class);
    }

    /** Requires the same column names, in order, of the same types, holding the same values bit for bit. */
    private static void assertSameTable(Table actual, Table expected) {
        assertThat(actual.columns()).extracting(Column::name)
                .containsExactlyElementsOf(expected.columns().stream().map(Column::name).toList());
        for (int c = 0; c < expected.columns().size(); c++) {
            Column a = actual.columns().get(c);
            Column e = expected.columns().get(c);
            assertThat(a.getClass()).as(e.name()).isEqualTo(e.getClass());
            assertThat(values(a)).as(e.name()).isEqualTo(values(e));
        }
    }

    /** Returns a column's values: doubles as their bits, so that NaN equals NaN and 0.0 differs from -0.0. */
    private static List<Object> values(Column column) {
        return IntStream.range(0, column.size()).mapToObj(r -> column instanceof NumericColumn n
                ? (Object) Double.doubleToRawLongBits(n.get(r)) : ((TextColumn) column).get(r)).toList();
    }
}
