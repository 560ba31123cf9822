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
import org.djx.plugins.csv.KaggleHouseSource;
import org.djx.testkit.PluginConfig;
import org.junit.jupiter.api.Test;

/** D2L's preprocessing, checked against values worked out by hand and against the real files. */
class PreprocessorTests {
    private static final double NA = Double.NaN;
    private static final PreprocessingSpec D2L = new PreprocessingSpec(PreprocessingSpec.FitOn.TRAIN_AND_TEST,
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
        Features f = new Preprocessor(new PreprocessingSpec(PreprocessingSpec.FitOn.TRAIN, List.of(new Standardize(), new FillMissing(0), new OneHot(false))))
                .apply(small());

        // Area over train only: 1 and 2, mean 1.5, sample std sqrt(0.5); RM is unseen, so no column.
        assertThat(f.names()).containsExactly("Area", "Zone_FV", "Zone_RL");
        assertThat(f.train().get(0, 0)).isCloseTo(-0.5 / Math.sqrt(0.5), within(1e-15));
        assertThat(f.test().toRows()[0]).containsExactly(3.5 / Math.sqrt(0.5), 0, 0);
    }

    @Test
    void fillsWithTheMeanOrMedianOfTheFittedRowsOnly() {
        // Area: train 1, 2, missing; test 5. Over train and test the mean is 8/3 and the median 2; over train, 1.5 both.
        Features mean = new Preprocessor(new PreprocessingSpec(PreprocessingSpec.FitOn.TRAIN_AND_TEST,
                List.of(new FillMissing(PreprocessingSpec.Fill.MEAN, 0), new OneHot(true)))).apply(small());
        Features median = new Preprocessor(new PreprocessingSpec(PreprocessingSpec.FitOn.TRAIN_AND_TEST,
                List.of(new FillMissing(PreprocessingSpec.Fill.MEDIAN, 0), new OneHot(true)))).apply(small());
        Features trainOnly = new Preprocessor(new PreprocessingSpec(PreprocessingSpec.FitOn.TRAIN,
                List.of(new FillMissing(PreprocessingSpec.Fill.MEDIAN, 0), new OneHot(true)))).apply(small());

        assertThat(mean.train().get(2, 0)).isEqualTo(8.0 / 3);
        assertThat(median.train().get(2, 0)).isEqualTo(2.0);
        assertThat(trainOnly.train().get(2, 0)).isEqualTo(1.5);
        assertThat(median.statistics()).contains("fill-missing Area: 1 values set to 2.0 (the median)");
    }

    @Test
    void aFoldsStatisticsComeFromItsTrainingRowsAlone() {
        // Only training row 1 is a fold's training row: Area's mean is 1 there, and its category RL alone.
        Features f = new Preprocessor(new PreprocessingSpec(PreprocessingSpec.FitOn.TRAIN_FOLD,
                List.of(new FillMissing(PreprocessingSpec.Fill.MEAN, 0), new OneHot(false))))
                .apply(small(), new boolean[] {true, false, false}, "one row");

        assertThat(f.names()).containsExactly("Area", "Zone_RL");
        assertThat(f.train().toRows()).isDeepEqualTo(new double[][] {{1, 1}, {2, 0}, {1, 0}});
        assertThat(f.test().toRows()).isDeepEqualTo(new double[][] {{5, 0}});
        assertThat(f.statistics().get(0)).isEqualTo("fitted on one row");
        // Outside k-fold, train-fold fits on every training row.
        Features whole = new Preprocessor(new PreprocessingSpec(PreprocessingSpec.FitOn.TRAIN_FOLD,
                List.of(new FillMissing(PreprocessingSpec.Fill.MEAN, 0), new OneHot(false)))).apply(small());
        assertThat(whole.train().get(2, 0)).isEqualTo(1.5);
    }

    @Test
    void skewIsPandasAdjustedFisherPearsonCoefficient() {
        // n / ((n - 1)(n - 2)) * sum(((x - mean) / s)^3) with the sample deviation s, worked out separately.
        assertThat(Statistics.skew(new double[] {1, 2, 3, 10})).isCloseTo(1.763632614803888, within(1e-14));
        assertThat(Statistics.skew(new double[] {1, 2, 4})).isCloseTo(0.9352195295828235, within(1e-14));
        assertThat(Statistics.skew(new double[] {-1, -2, -3, -10})).isCloseTo(-1.763632614803888, within(1e-14));
        assertThat(Statistics.skew(new double[] {3, 3, 3})).isZero();
        assertThat(Statistics.skew(new double[] {1, 2})).isNaN();
    }

    @Test
    void log1pTransformsTheColumnsSkewedEitherWayAndRefusesWhatItCannotTake() {
        Table train = new Table(List.of(
                new NumericColumn("Skewed", new double[] {1, 2, 3, 10}),
                new NumericColumn("LeftSkewed", new double[] {9, 8, 7, 0}),
                new NumericColumn("Even", new double[] {1, 2, 3, 4}),
                new NumericColumn("Price", new double[] {1, 2, 3, 4})));
        Features f = new Preprocessor(new PreprocessingSpec(PreprocessingSpec.FitOn.TRAIN, List.of(new PreprocessingSpec.Log1p(0.75))))
                .apply(Dataset.of(train, "Price"));

        assertThat(f.train().toRows()[3]).containsExactly(Math.log1p(10), Math.log1p(0), 4);
        assertThat(f.statistics()).contains("log1p: 2 columns with |skew| above 0.75");

        Table negative = new Table(List.of(new NumericColumn("Debt", new double[] {-1, 0, 0, 5}),
                new NumericColumn("Price", new double[] {1, 2, 3, 4})));
        assertThatThrownBy(() -> new Preprocessor(new PreprocessingSpec(PreprocessingSpec.FitOn.TRAIN,
                List.of(new PreprocessingSpec.Log1p(0.75)))).apply(Dataset.of(negative, "Price")))
                .isInstanceOf(DataException.class).hasMessageContaining("'Debt'").hasMessageContaining("-1.0 in training row 1")
                .hasMessageContaining("needs x > -1");
    }

    @Test
    void refusesMissingValuesOrTextLeftAfterTheLastStep() {
        assertThatThrownBy(() -> new Preprocessor(new PreprocessingSpec(PreprocessingSpec.FitOn.TRAIN_AND_TEST, List.of(new OneHot(true)))).apply(small()))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'Area' still has missing values").hasMessageContaining("add a fill-missing step");
        assertThatThrownBy(() -> new Preprocessor(new PreprocessingSpec(PreprocessingSpec.FitOn.TRAIN_AND_TEST, List.of(new FillMissing(0)))).apply(small()))
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
