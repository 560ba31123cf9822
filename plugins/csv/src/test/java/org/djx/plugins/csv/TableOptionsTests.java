package org.djx.plugins.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's options, and that kaggle-house is the same reader with fixed ones. */
class TableOptionsTests {
    @Test
    void kaggleHouseRefusesARepeatedIdAsTheCsvSourceDoes(@TempDir Path dir) {
        HouseFiles files = new HouseFiles(dir).withTrain(HouseFiles.TRAIN.replace("3,60,NA,68,", "2,60,NA,68,"));

        assertThat(files.failure())
                .startsWith(files.train + ":4: record 4, column 'Id' (field 1): the id '2' repeats: record 3 has it too;");
    }

    @Test
    void kaggleHouseIsARegressionWithEveryTypeInferred() {
        TableOptions options = TableOptions.regression("SalePrice", "Id");

        assertThat(options.problem()).isEqualTo(Problem.REGRESSION);
        assertThat(options.overrides()).isEmpty();
        assertThat(options.declared("MSZoning")).isNull();
    }

    @Test
    void theTargetAndTheIdAreNeverDeclaredOrTheSame() {
        assertThatThrownBy(() -> new TableOptions("y", "id", Problem.REGRESSION, Map.of("y", ColumnType.NUMERIC)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TableOptions("y", "id", Problem.REGRESSION, Map.of("id", ColumnType.IGNORE)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TableOptions("y", "y", Problem.REGRESSION, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesEachTypeAndProblemAsTheExperimentWritesIt() {
        assertThat(ColumnType.configNames()).containsExactly("numeric", "categorical", "ignore");
        assertThat(ColumnType.named("ignore")).isEqualTo(ColumnType.IGNORE);
        assertThat(Problem.named("classification")).isEqualTo(Problem.CLASSIFICATION);
    }
}
