package org.djx.engine.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.djx.engine.data.SharedDatasets;
import org.djx.api.DataException;
import org.djx.api.data.DataContext;
import org.djx.api.data.Dataset;
import org.djx.api.data.NumericColumn;
import org.djx.api.data.Table;
import org.djx.api.data.TextColumn;
import org.djx.engine.data.FilesOnly;
import org.djx.engine.spec.PreprocessingSpec;
import org.djx.engine.spec.PreprocessingSpec.FillMissing;
import org.djx.engine.spec.PreprocessingSpec.OneHot;
import org.djx.engine.spec.PreprocessingSpec.Standardize;
import org.djx.plugins.kaggle.KaggleHouseSource;
import org.djx.testkit.PluginConfig;
import org.junit.jupiter.api.Test;

/** D2L's preprocessing, checked against values worked out by hand and against the real files. */
class PreprocessorTests {
    private static final double NA = Double.NaN;
    private static final PreprocessingSpec D2L = new PreprocessingSpec(true,
            List.of(new Standardize(), new FillMissing(0), new OneHot(true)));

    private static Dataset small() {
        Table train = new Table(List.of(
                new NumericColumn("Id", new double[] {1, 2, 3}),
                new NumericColumn("Area", new double[] {1, 2, NA}),
                new TextColumn("Zone", new String[] {"RL", null, "FV"}),
                new NumericColumn("Price", new double[] {10, 20, 30})));
        Table test = new Table(List.of(
                new NumericColumn("Id", new double[] {4}),
                new NumericColumn("Area", new double[] {5}),
                new TextColumn("Zone", new String[] {"RM"})));
        return Dataset.of(train, "Price").withTest(test).withId("Id");
    }

    @Test
    void standardizesFillsAndEncodesAsPandasDoes() {
        Features f = new Preprocessor(D2L).apply(small());

        // Area over train and test: 1, 2, 5 (the missing one skipped): mean 8/3, sample std sqrt(13/3).
        double mean = 8.0 / 3;
        double std = Math.sqrt(((1 - mean) * (1 - mean) + (2 - mean) * (2 - mean) + (5 - mean) * (5 - mean)) / 2);
        assertThat(f.names()).containsExactly("Area", "Zone_FV", "Zone_RL", "Zone_RM", "Zone_nan");
        assertThat(f.train().toRows()).isDeepEqualTo(new double[][] {
            {(1 - mean) / std, 0, 1, 0, 0},
            {(2 - mean) / std, 0, 0, 0, 1},
            {0, 1, 0, 0, 0}});
        assertThat(f.test().toRows()[0][0]).isCloseTo((5 - mean) / std, within(1e-15));
        assertThat(f.test().toRows()[0]).containsExactly((5 - mean) / std, 0, 0, 1, 0);
        assertThat(f.targets().toArray()).containsExactly(10, 20, 30);
        assertThat(f.testIds()).containsExactly("4");
        assertThat(f.statistics()).anyMatch(s -> s.startsWith("standardize Area: mean " + mean));
    }

    @Test
    void fittingOnTrainOnlyIgnoresTheTestRows() {
        Features f = new Preprocessor(new PreprocessingSpec(false, List.of(new Standardize(), new FillMissing(0), new OneHot(false))))
                .apply(small());

        // Area over train only: 1 and 2, mean 1.5, sample std sqrt(0.5); RM is unseen, so no column.
        assertThat(f.names()).containsExactly("Area", "Zone_FV", "Zone_RL");
        assertThat(f.train().get(0, 0)).isCloseTo(-0.5 / Math.sqrt(0.5), within(1e-15));
        assertThat(f.test().toRows()[0]).containsExactly(3.5 / Math.sqrt(0.5), 0, 0);
    }

    @Test
    void refusesMissingValuesOrTextLeftAfterTheLastStep() {
        assertThatThrownBy(() -> new Preprocessor(new PreprocessingSpec(true, List.of(new OneHot(true)))).apply(small()))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'Area' still has missing values").hasMessageContaining("add a fill-missing step");
        assertThatThrownBy(() -> new Preprocessor(new PreprocessingSpec(true, List.of(new FillMissing(0)))).apply(small()))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'Zone' is still text").hasMessageContaining("add a one-hot step");
    }

    @Test
    void theRealHouseFilesBecome2919By331WithHandCheckedCells() throws IOException {
        Path folder = SharedDatasets.require();
        DataContext files = FilesOnly.of(name -> folder.resolve(Map.of("kaggle_house_train", "kaggle_house_pred_train.csv",
                "kaggle_house_test", "kaggle_house_pred_test.csv").get(name)));
        KaggleHouseSource source = new KaggleHouseSource();
        Dataset dataset = source.load(PluginConfig.defaults(source), files);

        Features f = new Preprocessor(D2L).apply(dataset);

        assertThat(f.train().rows() + f.test().rows()).isEqualTo(2919);
        assertThat(f.width()).isEqualTo(331);
        // LotFrontage, read here with a plain split, independently of the CSV reader: Id 1 has 65.
        List<Double> frontage = new ArrayList<>();
        for (String file : List.of("kaggle_house_pred_train.csv", "kaggle_house_pred_test.csv")) {
            List<String> lines = Files.readAllLines(folder.resolve(file));
            int column = List.of(lines.get(0).split(",")).indexOf("LotFrontage");
            for (String line : lines.subList(1, lines.size())) {
                String cell = line.split(",", -1)[column];
                if (!cell.equals("NA")) {
                    frontage.add(Double.parseDouble(cell));
                }
            }
        }
        double mean = frontage.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double std = Math.sqrt(frontage.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (frontage.size() - 1));
        int lotFrontage = f.names().indexOf("LotFrontage");
        assertThat(f.train().get(0, lotFrontage)).isCloseTo((65 - mean) / std, within(1e-12));
        // Id 8's LotFrontage is NA: standardized, then filled with 0.
        assertThat(f.train().get(7, lotFrontage)).isZero();
        // Id 1: zoned RL, no alley (NA), so MSZoning_RL and Alley_nan are set.
        assertThat(f.train().get(0, f.names().indexOf("MSZoning_RL"))).isEqualTo(1.0);
        assertThat(f.train().get(0, f.names().indexOf("MSZoning_nan"))).isEqualTo(0.0);
        assertThat(f.train().get(0, f.names().indexOf("Alley_nan"))).isEqualTo(1.0);
        assertThat(f.targets().get(0)).isEqualTo(208500.0);
        assertThat(f.testIds().get(0)).isEqualTo("1461");
        // Numeric columns first, in file order; then one-hot columns.
        assertThat(f.names().get(0)).isEqualTo("MSSubClass");
        assertThat(f.names().get(36)).startsWith("MSZoning_");
    }
}
