package org.djx.plugins.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.djx.api.ConfigurationException;
import org.djx.api.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's table that does not fit what the experiment says of it: each case fails the whole load with
 * a message naming the file, the line and record, and the column, and no dataset comes back.
 */
class CsvSourceDataErrorTests {
    @TempDir
    Path dir;

    @Test
    void aTargetColumnThatIsNotInTheHeaderIsAnErrorThatSuggestsTheNearestName() {
        UserTable table = new UserTable(dir).standard();

        assertThat(table.failure(UserTable.classification("target", "Label"), DataException.class))
                .startsWith(table.train + ":1: record 1, column 'Label': the header has no column 'Label'"
                        + " (it has 5 columns: id, age, city, size, label) (did you mean 'label'?)")
                .contains("expected 'Label' as the target column");
    }

    @Test
    void anIdColumnThatIsNotInTheHeaderIsAnError() {
        UserTable table = new UserTable(dir).standard();

        assertThat(table.failure(UserTable.classification("id", "key"), DataException.class))
                .startsWith(table.train + ":1: record 1, column 'key': the header has no column 'key'")
                .contains("expected 'key' as the id column");
    }

    @Test
    void anIdThatRepeatsInTheTrainingFileIsAnErrorNamingBothRecords() {
        UserTable table = new UserTable(dir).withTrain("id,age,city,size,label", "1,34,Paris,NA,malignant",
                "2,,Lyon,3.5,benign", "1,51,NA,2,malignant").withTest(UserTable.TEST);

        assertThat(table.failure(UserTable.classification(), DataException.class))
                .startsWith(table.train + ":4: record 4, column 'id' (field 1): the id '1' repeats: record 2 has it too;")
                .contains("expected a different id in every record of the column 'id'");
    }

    @Test
    void anIdThatRepeatsInTheTestFileIsAnError() {
        UserTable table = new UserTable(dir).withTrain(UserTable.TRAIN).withTest("id,age,city,size", "10,40,Paris,1", "10,NA,,2");

        assertThat(table.failure(UserTable.classification(), DataException.class))
                .startsWith(table.test + ":3: record 3, column 'id' (field 1): the id '10' repeats: record 2 has it too;");
    }

    @Test
    void aMissingIdIsAnError() {
        UserTable table = new UserTable(dir).withTrain(UserTable.TRAIN).withTest("id,age,city,size", "10,40,Paris,1", "NA,NA,,2");

        assertThat(table.failure(UserTable.classification(), DataException.class))
                .startsWith(table.test + ":3: record 3, column 'id' (field 1): the id is missing ('NA')");
    }

    @Test
    void aClassificationWithOneClassIsAnErrorNamingTheFileColumnClassAndRecordCount() {
        UserTable table = new UserTable(dir).withTrain("id,age,label", "1,34,benign", "2,40,benign", "3,51,benign");

        assertThat(table.failure(Map.of("train", "train.csv", "target", "label", "problem", "classification"), DataException.class))
                .startsWith(table.train + ": column 'label' (field 3): every one of the 3 training records has the class 'benign'")
                .contains("expected at least two classes")
                .contains("use \"problem\": \"regression\" or check the target column");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "+1", "1e0", "01", "10e-1"})
    void classesThatAreOneNumberWrittenTwoWaysAreAnErrorNamingBothSpellingsAndTheirRecords(String spelling) {
        UserTable table = new UserTable(dir).withTrain("id,age,label", "1,34,1", "2,40,0", "3,51,1", "4,29," + spelling, "5,33,0");

        assertThat(table.failure(Map.of("train", "train.csv", "target", "label", "problem", "classification"), DataException.class))
                .startsWith(table.train + ": column 'label' (field 3): the classes '1' (record 2) and '" + spelling
                        + "' (record 5) are the same number written two ways; write each class one way;")
                .contains("Replace '" + spelling + "' with '1' in the target column");
    }

    @Test
    void twoSpellingsOfOneNumberAreAnErrorEvenAsTheOnlyTwoClasses() {
        UserTable table = new UserTable(dir).withTrain("id,label", "1,0.5", "2,.50", "3,0.5");

        assertThat(table.failure(Map.of("train", "train.csv", "target", "label", "problem", "classification"), DataException.class))
                .contains("the classes '0.5' (record 2) and '.50' (record 3) are the same number written two ways");
    }

    @Test
    void aMissingClassIsAnErrorAtItsCell() {
        UserTable table = new UserTable(dir).withTrain("id,age,label", "1,34,benign", "2,40,", "3,51,malignant");

        assertThat(table.failure(Map.of("train", "train.csv", "target", "label", "problem", "classification"), DataException.class))
                .startsWith(table.train + ":3: record 3, column 'label' (field 3): the class is missing ('')")
                .contains("expected a class name in every training record's target column 'label'");
    }

    @Test
    void aRegressionOnClassNamesIsAnErrorAtTheFirstName() {
        UserTable table = new UserTable(dir).standard();

        assertThat(table.failure(UserTable.classification("problem", "regression"), DataException.class))
                .startsWith(table.train + ":2: record 2, column 'label' (field 5): the target 'malignant' is not a decimal number");
    }

    @Test
    void aTestFileWithoutATrainingColumnIsAnError() {
        UserTable table = new UserTable(dir).withTrain(UserTable.TRAIN).withTest("id,age,size", "10,40,1");

        assertThat(table.failure(UserTable.classification(), DataException.class))
                .startsWith(table.test + ":1: record 1, column 'city': the training file's column 'city' is not in the test file's header")
                .contains("expected the training file's columns without 'label' (4 columns: id, age, city, size)");
    }

    @Test
    void aTestFileWithAnExtraColumnIsAnError() {
        UserTable table = new UserTable(dir).withTrain(UserTable.TRAIN).withTest("id,age,city,size,note", "10,40,Paris,1,x");

        assertThat(table.failure(UserTable.classification(), DataException.class))
                .startsWith(table.test + ":1: record 1, column 'note' (field 5): the training file has no column 'note'");
    }

    @Test
    void aTestFileWithTheTargetIsAnError() {
        UserTable table = new UserTable(dir).withTrain(UserTable.TRAIN).withTest(UserTable.TRAIN);

        assertThat(table.failure(UserTable.classification(), DataException.class))
                .startsWith(table.test + ":1: record 1, column 'label' (field 5): the test file has the target column 'label'");
    }

    @Test
    void theTestHeaderIsCheckedAgainstTheWholeTrainingHeaderBeforeColumnsAreIgnored() {
        UserTable table = new UserTable(dir).withTrain(UserTable.TRAIN).withTest("id,age,size", "10,40,1");

        assertThat(table.failure(UserTable.classification("columns", Map.of("city", "ignore")), DataException.class))
                .startsWith(table.test + ":1: record 1, column 'city': the training file's column 'city' is not in the test file's header");
    }

    @Test
    void aSemicolonSeparatedFileIsAnErrorThatSaysDjxReadsCommas() {
        UserTable table = new UserTable(dir).withTrain("a;b;label", "1;2;x", "3;4;y");

        assertThat(table.failure(Map.of("train", "train.csv", "target", "label"), DataException.class))
                .startsWith(table.train + ":1: record 1, column 'label': the header has no column 'label' (it has 1 column: a;b;label)")
                .endsWith("djx reads comma-separated files, and this one seems to use ';' as separator: save it with commas"
                        + " between the fields.");
    }

    @Test
    void aColumnTypeForASemicolonSeparatedFileIsAnErrorThatSaysDjxReadsCommas() {
        UserTable table = new UserTable(dir).withTrain("a;b;label", "1;2;x", "3;4;y");

        assertThat(table.failure(Map.of("train", "train.csv", "target", "label", "columns", Map.of("a", "numeric")),
                ConfigurationException.class))
                .contains("which has 1 column: a;b;label. djx reads comma-separated files, and this one seems to use ';'");
    }

    @Test
    void aTabSeparatedFileIsAnErrorThatSaysDjxReadsCommas() {
        UserTable table = new UserTable(dir).withTrain("a\tb\tlabel", "1\t2\tx", "3\t4\ty");

        assertThat(table.failure(Map.of("train", "train.csv", "target", "label"), DataException.class))
                .contains("(it has 1 column: a\tb\tlabel)")
                .contains("djx reads comma-separated files, and this one seems to use tabs as separator");
    }

    @Test
    void aSemicolonSeparatedFileWithDecimalCommasIsAnErrorThatSaysDjxReadsCommas() {
        UserTable table = new UserTable(dir).withTrain("size;label", "3,5;x", "4;y");

        assertThat(table.failure(Map.of("train", "train.csv", "target", "label"), DataException.class))
                .startsWith(table.train + ":2: record 2, field 2: the record has 2 fields, more than the 1 column of the header;"
                        + " expected 1 comma-separated field, as in the header.")
                .contains("this one seems to use ';' as separator");
    }

    @Test
    void aSemicolonSeparatedTestFileIsAnErrorThatSaysDjxReadsCommas() {
        UserTable table = new UserTable(dir).withTrain(UserTable.TRAIN).withTest("id;age;city;size", "10;40;Paris;1");

        assertThat(table.failure(UserTable.classification(), DataException.class))
                .startsWith(table.test + ":1: record 1, column 'id': the training file's column 'id' is not in the test file's header")
                .contains("this one seems to use ';' as separator");
    }

    @Test
    void aHeaderOfOneColumnWithoutSemicolonOrTabGetsNoSeparatorHint() {
        UserTable table = new UserTable(dir).withTrain("price", "1", "2");

        assertThat(table.failure(Map.of("train", "train.csv", "target", "label"), DataException.class))
                .contains("(it has 1 column: price)")
                .doesNotContain("separator")
                .endsWith("Check that this is the training file of the dataset, not its test file or another table.");
    }

    @Test
    void aPngImageIsNotACsvFile() {
        UserTable table = new UserTable(dir).withTest(UserTable.TEST);
        FakeDataContext.writeBytes(table.train, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});

        assertThat(table.failure(UserTable.classification(), DataException.class))
                .startsWith(table.train + ":1: record 1, field 1: byte 0x89 at byte offset 0 is not valid UTF-8")
                .contains("expected UTF-8 text");
    }

    @Test
    void aZipArchiveIsNotACsvFile() throws IOException {
        UserTable table = new UserTable(dir).withTrain(UserTable.TRAIN);
        FakeDataContext.writeBytes(table.test, zipOf("test.csv", String.join("\n", UserTable.TEST).repeat(20)));

        assertThat(table.failure(UserTable.classification(), DataException.class))
                .startsWith(table.test + ":1: record 1, ")
                .contains("is not valid UTF-8");
    }

    @Test
    void aLatin1FileIsAnErrorAtItsFirstAccentedLetter() {
        UserTable table = new UserTable(dir).withTest(UserTable.TEST);
        FakeDataContext.writeBytes(table.train, (String.join("\n", UserTable.TRAIN).replace("Lyon", "Orléans") + "\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThat(table.failure(UserTable.classification(), DataException.class))
                .startsWith(table.train + ":3: record 3, column 'city' (field 3): byte 0xE9 at byte offset");
    }

    @Test
    void aTextCellInAColumnDeclaredNumericIsAnErrorAtThatCell() {
        UserTable table = new UserTable(dir).standard();

        assertThat(table.failure(UserTable.classification("columns", Map.of("city", "numeric")), DataException.class))
                .startsWith(table.train + ":2: record 2, column 'city' (field 3): the column 'city' is declared numeric in the"
                        + " experiment, but this cell is the text 'Paris'")
                .contains("expected a decimal number or a missing value")
                .contains("declare 'city' categorical in \"columns\"");
    }

    @Test
    void aTextCellInTheTestFileOfAColumnDeclaredNumericIsAnErrorThere() {
        UserTable table = new UserTable(dir).withTrain(UserTable.TRAIN).withTest("id,age,city,size", "10,40,Paris,1", "11,NA,,two");

        assertThat(table.failure(UserTable.classification("columns", Map.of("size", "numeric")), DataException.class))
                .startsWith(table.test + ":3: record 3, column 'size' (field 4): the column 'size' is declared numeric in the"
                        + " experiment, but this cell is the text 'two'");
    }

    @Test
    void numbersInTrainingAndTextInTestIsAnErrorAsInKaggleHouse() {
        UserTable table = new UserTable(dir).withTrain(UserTable.TRAIN).withTest("id,age,city,size", "10,forty,Paris,1");

        assertThat(table.failure(UserTable.classification(), DataException.class))
                .startsWith(table.test + ":2: record 2, column 'age' (field 2): the column 'age' holds numbers in the training"
                        + " file but the text 'forty' here");
    }

    private static byte[] zipOf(String name, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry(name);
            // a fixed time keeps the archive's bytes, and so the message, the same on every run
            entry.setTime(1_000_000_000_000L);
            zip.putNextEntry(entry);
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
