package org.djx.plugins.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.djx.api.data.Column;
import org.djx.api.data.Dataset;
import org.djx.api.data.NumericColumn;
import org.djx.api.data.Table;
import org.djx.api.data.TextColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Types, missing values and shapes on small files shaped like the real ones, and the pair's checks. */
class TableReaderTests {
    @TempDir
    Path dir;

    @Test
    void readsBothFilesWithTheirShapesTargetAndId() {
        Dataset data = new HouseFiles(dir).standard().load();

        assertThat(data.train().rows()).isEqualTo(4);
        assertThat(data.train().columns()).extracting(Column::name)
                .containsExactly("Id", "MSSubClass", "MSZoning", "LotFrontage", "Alley", "GarageYrBlt", "SalePrice");
        assertThat(data.test().rows()).isEqualTo(3);
        assertThat(data.test().columns()).extracting(Column::name)
                .containsExactly("Id", "MSSubClass", "MSZoning", "LotFrontage", "Alley", "GarageYrBlt");
        assertThat(data.target()).isEqualTo("SalePrice");
        assertThat(data.id()).isEqualTo("Id");
    }

    @Test
    void infersNumericAndTextColumnsAsPandasDoes() {
        Dataset data = new HouseFiles(dir).standard().load();

        for (String name : new String[] {"MSSubClass", "LotFrontage", "GarageYrBlt", "SalePrice"}) {
            assertThat(data.train().column(name)).as(name).containsInstanceOf(NumericColumn.class);
        }
        for (String name : new String[] {"MSZoning", "Alley"}) {
            assertThat(data.train().column(name)).as(name).containsInstanceOf(TextColumn.class);
            assertThat(data.test().column(name)).as(name).containsInstanceOf(TextColumn.class);
        }
        assertThat(data.test().column("LotFrontage")).containsInstanceOf(NumericColumn.class);
    }

    @Test
    void readsNaAndEmptyCellsAsMissingValues() {
        Dataset data = new HouseFiles(dir).standard().load();

        assertThat(numbers(data.train(), "LotFrontage")).containsExactly(65, 80, 68, Double.NaN);
        assertThat(numbers(data.train(), "GarageYrBlt")).containsExactly(2003, 1976, Double.NaN, 1998);
        assertThat(numbers(data.test(), "LotFrontage")).containsExactly(80, Double.NaN, 74);
        assertThat(numbers(data.test(), "GarageYrBlt")).containsExactly(1961, Double.NaN, 2010);
        assertThat(texts(data.train(), "MSZoning")).containsExactly("RL", "RL", null, "RM");
        assertThat(texts(data.test(), "Alley")).containsExactly(null, null, "Pave");
    }

    @Test
    void keepsTextCellsAsWrittenAndNumbersAsTheirValues() {
        Dataset data = new HouseFiles(dir).standard().load();

        assertThat(texts(data.test(), "MSZoning")).containsExactly("RH", "C (all)", "RL");
        assertThat(numbers(data.train(), "SalePrice")).containsExactly(208500, 181500, 223500, 140000);
        assertThat(texts(data.test(), "Id")).containsExactly("5", "6", "7");
    }

    @Test
    void aColumnOfNumbersInOneFileAndTextInTheOtherIsAnErrorAtTheFirstWord() {
        // pandas would quietly read both as text, and one typo would turn a number column into categories.
        HouseFiles files = new HouseFiles(dir).withTest(HouseFiles.TEST.replace("5,20,RH", "5,20A,RH"));

        assertThat(files.failure()).startsWith(files.test + ":2: record 2, column 'MSSubClass' (field 2): the column"
                + " 'MSSubClass' holds numbers in the training file but the text '20A' here").contains("expected the same type");
    }

    @Test
    void wordsInTrainingAndNumericCodesInTestAreOneCategoryColumn() {
        // MSZoning holds words in training; test rows that happen to use numeric codes stay categories.
        HouseFiles files = new HouseFiles(dir).withTest(HouseFiles.TEST.replace("5,20,RH,", "5,20,30,").replace("7,60,RL,", "7,60,40,")
                .replace("6,190,C (all),", "6,190,50,"));

        Dataset data = files.load();

        assertThat(texts(data.test(), "MSZoning")).containsExactly("30", "50", "40");
    }

    @Test
    void theIdColumnMayHoldNumbersInOneFileAndWordsInTheOther() {
        HouseFiles files = new HouseFiles(dir).withTest(HouseFiles.TEST.replace("5,20,RH", "T5,20,RH"));

        Dataset data = files.load();

        assertThat(texts(data.test(), "Id")).containsExactly("T5", "6", "7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "-NaN", "Infinity", "-Infinity", "+inf", "inf"})
    void notANumberAndInfinityAreMissingValuesAndKeepTheColumnNumeric(String cell) {
        HouseFiles files = new HouseFiles(dir).withTrain(HouseFiles.TRAIN.replace("2,20,RL,80,", "2,20,RL," + cell + ","));

        Dataset data = files.load();

        assertThat(data.train().column("LotFrontage")).containsInstanceOf(NumericColumn.class);
        assertThat(numbers(data.train(), "LotFrontage")).containsExactly(65, Double.NaN, 68, Double.NaN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "1.#IND", "1.#QNAN", "<NA>", "N/A", "n/a",
        "NULL", "null"})
    void pandasOtherMissingValueSpellingsAreMissingInNumericAndTextColumns(String cell) {
        HouseFiles files = new HouseFiles(dir).write(HouseFiles.TRAIN.replace("2,20,RL,80,", "2,20,RL," + cell + ","),
                HouseFiles.TEST.replace("7,60,RL,74,Pave", "7,60,RL,74," + cell));

        Dataset data = files.load();

        assertThat(data.train().column("LotFrontage")).containsInstanceOf(NumericColumn.class);
        assertThat(numbers(data.train(), "LotFrontage")).containsExactly(65, Double.NaN, 68, Double.NaN);
        assertThat(texts(data.test(), "Alley")).containsExactly(null, null, null);
    }

    @Test
    void noneIsACategoryNotAMissingValueAsInThePandasD2lUsed() {
        HouseFiles files = new HouseFiles(dir).write(HouseFiles.TRAIN.replace("1,60,RL,65,NA,", "1,60,RL,65,None,"),
                HouseFiles.TEST.replace("7,60,RL,74,Pave", "7,60,RL,74,None"));

        Dataset data = files.load();

        assertThat(texts(data.train(), "Alley")).containsExactly("None", null, "Grvl", "Pave");
        assertThat(texts(data.test(), "Alley")).containsExactly(null, null, "None");
    }

    @Test
    void kaggleHouseReadsTheIdColumnAsTextAsWritten() {
        HouseFiles files = new HouseFiles(dir).write(HouseFiles.TRAIN.replace("1,60,RL", "0001,60,RL").replace("2,20,RL", "1,20,RL"),
                HouseFiles.TEST.replace("5,20,RH", "1461,20,RH").replace("6,190", "1461.0,190"));

        Dataset data = files.load();

        assertThat(data.train().column("Id")).containsInstanceOf(TextColumn.class);
        assertThat(texts(data.train(), "Id")).containsExactly("0001", "1", "3", "4");
        assertThat(texts(data.test(), "Id")).containsExactly("1461", "1461.0", "7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sixty", "0x1p3", "1d", "2f", " 65", "65 ", "1e", "+", ".", "6_5", "６５"})
    void aCellOutsideTheDecimalGrammarInBothFilesMakesItsColumnText(String cell) {
        HouseFiles files = new HouseFiles(dir).write(HouseFiles.TRAIN.replace("2,20,RL,80,", "2,20,RL," + cell + ","),
                HouseFiles.TEST.replace(",80,", ",eighty,"));

        Dataset data = files.load();

        assertThat(data.train().column("LotFrontage")).containsInstanceOf(TextColumn.class);
        assertThat(texts(data.train(), "LotFrontage")).containsExactly("65", cell, "68", null);
        assertThat(data.test().column("LotFrontage")).containsInstanceOf(TextColumn.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+80", "-80", "80.", ".5e2", "8E1", "0080", "8e+1", "800e-1"})
    void everySpellingInTheDecimalGrammarKeepsTheColumnNumeric(String cell) {
        HouseFiles files = new HouseFiles(dir).withTrain(HouseFiles.TRAIN.replace("2,20,RL,80,", "2,20,RL," + cell + ","));

        Dataset data = files.load();

        assertThat(data.train().column("LotFrontage")).containsInstanceOf(NumericColumn.class);
        assertThat(Math.abs(numbers(data.train(), "LotFrontage")[1])).isIn(80.0, 50.0);
    }

    @Test
    void aColumnMissingEverywhereIsNumericLikePandasFloatNan() {
        HouseFiles files = new HouseFiles(dir).write(
                HouseFiles.TRAIN.replace(",2003,", ",NA,").replace(",1976,", ",NA,").replace(",1998.0,", ",,"),
                HouseFiles.TEST.replace(",1961", ",NA").replace(",2010", ","));

        Dataset data = files.load();

        assertThat(numbers(data.train(), "GarageYrBlt")).containsOnly(Double.NaN);
        assertThat(numbers(data.test(), "GarageYrBlt")).containsOnly(Double.NaN);
    }

    @Test
    void countsFeaturesAsD2lsOneHotEncodingWould() {
        Dataset data = new HouseFiles(dir).standard().load();

        // 3 numeric (MSSubClass, LotFrontage, GarageYrBlt) + MSZoning {RL, RM, RH, C (all), NA} + Alley {Grvl, Pave, NA}
        assertThat(OneHotWidth.of(data)).isEqualTo(3 + 5 + 3);
    }

    @Test
    void aNumberBeyondTheRangeOfADoubleIsAnErrorNotInfinity() {
        HouseFiles files = new HouseFiles(dir).withTrain(HouseFiles.TRAIN.replace("3,60,NA,68,", "3,60,NA,1e999,"));

        assertThat(files.failure())
                .startsWith(files.train + ":4: record 4, column 'LotFrontage' (field 4): the number '1e999' is beyond the range of a double")
                .contains("expected a finite number");
    }

    @Test
    void aNegativeOverflowInTheTestFileIsAnErrorToo() {
        HouseFiles files = new HouseFiles(dir).withTest(HouseFiles.TEST.replace("7,60,RL,74,", "7,60,RL,-2e400,"));

        assertThat(files.failure())
                .startsWith(files.test + ":4: record 4, column 'LotFrontage' (field 4): the number '-2e400' is beyond");
    }

    @Test
    void aHugeNumberInATextColumnIsJustACategory() {
        HouseFiles files = new HouseFiles(dir).withTrain(HouseFiles.TRAIN.replace("4,70,RM,", "4,70,1e999,"));

        assertThat(texts(files.load().train(), "MSZoning")).containsExactly("RL", "RL", null, "1e999");
    }

    @Test
    void aTrainingFileWithoutTheTargetColumnIsAnError() {
        String noPrice = HouseFiles.TRAIN.replace(",SalePrice", "").replaceAll(",\\d+\n", "\n");
        HouseFiles files = new HouseFiles(dir).withTrain(noPrice);

        assertThat(files.failure())
                .startsWith(files.train + ":1: record 1, column 'SalePrice': the header has no column 'SalePrice' (it has 6 columns: Id, MSSubClass")
                .contains("expected 'SalePrice' as the target column")
                .contains("Check that this is the training file");
    }

    @Test
    void swappedFilesFailOnTheMissingTarget() {
        HouseFiles files = new HouseFiles(dir).write(HouseFiles.TEST, HouseFiles.TRAIN);

        assertThat(files.failure()).startsWith(files.train + ":1: record 1, column 'SalePrice': the header has no column 'SalePrice'");
    }

    @Test
    void aTrainingFileWithoutTheIdColumnIsAnError() {
        HouseFiles files = new HouseFiles(dir).withTrain(HouseFiles.TRAIN.replace("Id,MSSubClass", "Key,MSSubClass"));

        assertThat(files.failure())
                .startsWith(files.train + ":1: record 1, column 'Id': the header has no column 'Id'")
                .contains("expected 'Id' as the id column");
    }

    @Test
    void aMissingTargetValueIsAnError() {
        HouseFiles files = new HouseFiles(dir).withTrain(HouseFiles.TRAIN.replace(",1998.0,140000", ",1998.0,NA"));

        assertThat(files.failure())
                .startsWith(files.train + ":5: record 5, column 'SalePrice' (field 7): the target is missing ('NA')")
                .contains("expected a number in every training record's target column 'SalePrice'");
    }

    @Test
    void aTargetThatIsNotANumberIsAnError() {
        HouseFiles files = new HouseFiles(dir).withTrain(HouseFiles.TRAIN.replace("181500", "about 180k"));

        assertThat(files.failure())
                .startsWith(files.train + ":3: record 3, column 'SalePrice' (field 7): the target 'about 180k' is not a decimal number");
    }

    @Test
    void aTestFileWithTheTargetColumnIsAnError() {
        HouseFiles files = new HouseFiles(dir).withTest(HouseFiles.TRAIN);

        assertThat(files.failure())
                .startsWith(files.test + ":1: record 1, column 'SalePrice' (field 7): the test file has the target column 'SalePrice'")
                .contains("expected the training file's columns without 'SalePrice' (6 columns: Id, MSSubClass, MSZoning, LotFrontage, Alley, GarageYrBlt)");
    }

    @Test
    void aTestFileMissingATrainingColumnIsAnError() {
        HouseFiles files = new HouseFiles(dir).withTest(HouseFiles.TEST.replace(",Alley", "").replace(",NA,1961", ",1961")
                .replace(",NA,NA", ",NA").replace(",Pave,2010", ",2010"));

        assertThat(files.failure())
                .startsWith(files.test + ":1: record 1, column 'Alley': the training file's column 'Alley' is not in the test file's header")
                .contains("Check that the two files belong together");
    }

    @Test
    void aTestFileWithAnExtraColumnIsAnError() {
        HouseFiles files = new HouseFiles(dir).withTest(HouseFiles.TEST.replace("GarageYrBlt\n", "GarageYrBlt,Fence\n")
                .replace("1961\n", "1961,NA\n").replace(",NA,NA\n", ",NA,NA,NA\n").replace("2010\n", "2010,MnPrv\n"));

        assertThat(files.failure())
                .startsWith(files.test + ":1: record 1, column 'Fence' (field 7): the training file has no column 'Fence'");
    }

    @Test
    void aTestFileWithColumnsInAnotherOrderIsAnError() {
        HouseFiles files = new HouseFiles(dir).withTest(HouseFiles.TEST.replace("MSSubClass,MSZoning", "MSZoning,MSSubClass"));

        assertThat(files.failure())
                .startsWith(files.test + ":1: record 1, column 'MSZoning' (field 2): this column is where the training file has 'MSSubClass'")
                .contains("expected the columns in the training file's order");
    }

    private static double[] numbers(Table table, String column) {
        return ((NumericColumn) table.column(column).orElseThrow()).toArray();
    }

    private static String[] texts(Table table, String column) {
        TextColumn text = (TextColumn) table.column(column).orElseThrow();
        String[] values = new String[text.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = text.get(r);
        }
        return values;
    }
}
