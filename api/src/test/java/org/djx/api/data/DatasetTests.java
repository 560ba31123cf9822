package org.djx.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTests {
    private static NumericColumn column(String name, double... values) {
        return new NumericColumn(name, values);
    }

    private final Table train = new Table(List.of(column("Id", 1, 2), column("x", 3, 4), column("Price", 5, 6)));
    private final Table test = new Table(List.of(column("Id", 3), column("x", 7)));

    @Test
    void carriesTrainTestTargetIdAndRule() {
        TargetRule rule = TargetRule.positive("a price is positive");
        Dataset d = Dataset.of(train, "Price").withTest(test).withId("Id").withTargetRule(rule);

        assertThat(d.train()).isSameAs(train);
        assertThat(d.test()).isSameAs(test);
        assertThat(d.target()).isEqualTo("Price");
        assertThat(d.id()).isEqualTo("Id");
        assertThat(d.targetRule()).isEqualTo(rule);
        assertThat(d).hasToString("Dataset[train 2 rows, test 1 rows, target Price, id Id,"
                + " a target must be finite and positive (a price is positive)]");
    }

    @Test
    void hasNoTestRowsNoIdAndAnyFiniteTargetByDefault() {
        Dataset d = Dataset.of(train, "Price");

        assertThat(d.test()).isNull();
        assertThat(d.id()).isNull();
        assertThat(d.targetRule()).isEqualTo(TargetRule.anyFinite());
    }

    @Test
    void refusesATargetOrIdColumnThatIsNotThere() {
        assertThatThrownBy(() -> Dataset.of(train, "SalePrice")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the training rows have no target column 'SalePrice'");
        assertThatThrownBy(() -> Dataset.of(train, "Price").withId("Key")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the training rows have no id column 'Key'");
        Table noId = new Table(List.of(column("x", 7)));
        assertThatThrownBy(() -> Dataset.of(train, "Price").withId("Id").withTest(noId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the test rows have no id column 'Id'");
    }

    @Test
    void equalsComparesTheSameTablesAndEveryName() {
        assertThat(Dataset.of(train, "Price").withId("Id")).isEqualTo(Dataset.of(train, "Price").withId("Id"))
                .isNotEqualTo(Dataset.of(train, "Price"))
                .isNotEqualTo(Dataset.of(train, "Price").withId("Id").withTargetRule(TargetRule.positive("why")));
    }
}
