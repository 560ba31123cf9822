package org.djx.plugins.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.djx.api.DataException;
import org.djx.api.data.Dataset;
import org.djx.api.data.TextColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed CSV: each case fails the whole load with a message naming the file, line, record and
 * column, and no dataset comes back. Well-formed oddities (quotes, CRLF, a byte-order mark) load.
 */
class CsvReaderTests {
    @TempDir
    Path dir;

    @Test
    void aRecordWithTooFewFieldsIsAnErrorAtTheFirstMissingColumn() {
        HouseFiles files = new HouseFiles(dir).withTrain(HouseFiles.TRAIN.replace("2,20,RL,80,NA,1976,181500", "2,20,RL,80,NA,1976"));

        assertThat(files.failure())
                .startsWith(files.train + ":3: record 3, column 'SalePrice' (field 7): the record has 6 fields and ends before this column")
                .contains("expected 7 comma-separated fields, as in the header")
                .contains("Look for a missing or extra comma");
    }

    @Test
    void aRecordWithTooManyFieldsIsAnErrorAtTheFirstExtraField() {
        HouseFiles files = new HouseFiles(dir).withTest(HouseFiles.TEST.replace("7,60,RL,74,Pave,2010", "7,60,RL,74,Pave,2010,"));

        assertThat(files.failure())
                .startsWith(files.test + ":4: record 4, field 7: the record has 7 fields, more than the 6 columns of the header");
    }

    @Test
    void anEmptyLineBetweenRecordsIsAnError() {
        HouseFiles files = new HouseFiles(dir).withTrain(HouseFiles.TRAIN.replace("208500\n", "208500\n\n"));

        assertThat(files.failure())
                .startsWith(files.train + ":3: record 3: the line is empty")
                .contains("Remove the empty line");
    }

    @Test
    void aRepeatedHeaderNameIsAnError() {
        HouseFiles files = new HouseFiles(dir).withTrain(HouseFiles.TRAIN.replace("LotFrontage,Alley", "LotFrontage,MSZoning"));

        assertThat(files.failure())
                .startsWith(files.train + ":1: record 1, column 'MSZoning' (field 5): the header names two columns 'MSZoning' (fields 3 and 5)")
                .contains("expected unique column names");
    }

    @Test
    void aBlankHeaderNameIsAnError() {
        HouseFiles files = new HouseFiles(dir).withTrain(HouseFiles.TRAIN.replace("LotFrontage,Alley", "LotFrontage, "));

        assertThat(files.failure())
                .startsWith(files.train + ":1: record 1, field 5: the header has no name for this column")
                .contains("expected a header line with a non-blank name for every column");
    }

    @Test
    void anEmptyFirstLineIsAnError() {
        HouseFiles files = new HouseFiles(dir).withTrain("\n" + HouseFiles.TRAIN);

        assertThat(files.failure()).startsWith(files.train + ":1: record 1, field 1: the header line is empty");
    }

    @Test
    void anEmptyFileIsAnError() {
        HouseFiles files = new HouseFiles(dir).withTest("");

        assertThat(files.failure()).startsWith(files.test + ": the file is empty; expected a header line");
    }

    @Test
    void aHeaderWithoutRecordsIsAnError() {
        HouseFiles files = new HouseFiles(dir).withTest("Id,MSSubClass,MSZoning,LotFrontage,Alley,GarageYrBlt\n");

        assertThat(files.failure()).startsWith(files.test + ":1: record 1: the file has a header but no records");
    }

    @Test
    void anUnclosedQuoteIsAnErrorWhereItOpens() {
        HouseFiles files = new HouseFiles(dir).withTrain(HouseFiles.TRAIN.replace("2,20,RL,", "2,20,\"RL,"));

        assertThat(files.failure())
                .startsWith(files.train + ":3: record 3, column 'MSZoning' (field 3): the double quote that opens this field is never closed")
                .contains("Close the quote");
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        HouseFiles files = new HouseFiles(dir).withTrain(HouseFiles.TRAIN.replace("4,70,RM,", "4,70,\"R\"M,"));

        assertThat(files.failure())
                .startsWith(files.train + ":5: record 5, column 'MSZoning' (field 3): text follows the closing double quote of this field");
    }

    @Test
    void quotedValuesHoldCommasQuotesAndLineBreaks() {
        HouseFiles files = new HouseFiles(dir).withTrain(HouseFiles.TRAIN
                .replace("1,60,RL,", "1,60,\"R,L\",")
                .replace("2,20,RL,", "2,20,\"say \"\"RL\"\"\",")
                .replace("4,70,RM,", "4,70,\"R\nM\","));

        TextColumn zoning = (TextColumn) files.load().train().column("MSZoning").orElseThrow();

        assertThat(zoning.get(0)).isEqualTo("R,L");
        assertThat(zoning.get(1)).isEqualTo("say \"RL\"");
        assertThat(zoning.get(3)).isEqualTo("R\nM");
    }

    @Test
    void afterAValueSpanningLinesLineAndRecordNumbersDiffer() {
        HouseFiles files = new HouseFiles(dir).withTrain(HouseFiles.TRAIN
                .replace("2,20,RL,", "2,20,\"R\nL\",")
                .replace("3,60,NA,68,Grvl,,223500", "3,60,NA,68,Grvl,,223500,extra"));

        assertThat(files.failure()).startsWith(files.train + ":5: record 4, field 8: the record has 8 fields");
    }

    @Test
    void windowsLineEndingsAndAMissingFinalLineBreakAreFine() {
        HouseFiles files = new HouseFiles(dir).write(
                HouseFiles.TRAIN.replace("\n", "\r\n"), HouseFiles.TEST.substring(0, HouseFiles.TEST.length() - 1));

        Dataset data = files.load();

        assertThat(data.train().rows()).isEqualTo(4);
        assertThat(data.test().rows()).isEqualTo(3);
        assertThat(((TextColumn) data.test().column("Alley").orElseThrow()).get(2)).isEqualTo("Pave");
    }

    @Test
    void aUtf8ByteOrderMarkIsDroppedFromTheFirstColumnName() {
        HouseFiles files = new HouseFiles(dir).withTrain("\uFEFF" + HouseFiles.TRAIN);

        Dataset data = files.load();

        assertThat(data.train().columns().get(0).name()).isEqualTo("Id");
        assertThat(data.id()).isEqualTo("Id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ff", "c0af", "eda080", "c3", "f8888080", "e282"})
    void bytesThatAreNotUtf8AreAnErrorNamingTheirPlace(String hex) throws Exception {
        byte[] bad = HexFormat.of().parseHex(hex);
        String before = HouseFiles.TRAIN.substring(0, HouseFiles.TRAIN.indexOf("3,60,NA,") + "3,60,".length());
        byte[] prefix = before.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(prefix);
        bytes.write(bad);
        bytes.write(HouseFiles.TRAIN.substring(before.length() + 2).getBytes(StandardCharsets.UTF_8));
        HouseFiles files = new HouseFiles(dir).writeBytes(bytes.toByteArray(), HouseFiles.TEST.getBytes(StandardCharsets.UTF_8));

        assertThat(files.failure())
                .startsWith(files.train + ":4: record 4, column 'MSZoning' (field 3): byte 0x" + hex.substring(0, 2).toUpperCase()
                        + " at byte offset " + prefix.length + " is not valid UTF-8")
                .contains("expected UTF-8 text")
                .contains("Save the file as UTF-8");
    }

    @Test
    void aBadByteInTheHeaderNamesTheHeaderField() {
        byte[] header = "Id,MSSubClass,MS".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(header);
        bytes.write(0xE9);
        bytes.writeBytes(HouseFiles.TRAIN.substring(header.length).getBytes(StandardCharsets.UTF_8));
        HouseFiles files = new HouseFiles(dir).writeBytes(bytes.toByteArray(), HouseFiles.TEST.getBytes(StandardCharsets.UTF_8));

        assertThat(files.failure()).startsWith(files.train + ":1: record 1, field 3: byte 0xE9 at byte offset 16 is not valid UTF-8");
    }

    @Test
    void aUtf16FileIsRejectedWithAHint() {
        byte[] utf16 = HouseFiles.TRAIN.getBytes(StandardCharsets.UTF_16LE);
        byte[] withMark = new byte[utf16.length + 2];
        withMark[0] = (byte) 0xFF;
        withMark[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withMark, 2, utf16.length);
        HouseFiles files = new HouseFiles(dir).writeBytes(withMark, HouseFiles.TEST.getBytes(StandardCharsets.UTF_8));

        assertThat(files.failure())
                .startsWith(files.train + ":1: record 1, field 1: byte 0xFF at byte offset 0 is not valid UTF-8 (the file starts with a UTF-16 byte-order mark)");
    }

    @Test
    void aFieldLongerThanTheBoundIsAnError() throws Exception {
        Path file = dir.resolve("long.csv");
        Files.writeString(file, "Id,Name\n1,short\n2," + "x".repeat(11) + "\n");

        assertThatThrownBy(() -> new CsvReader(1 << 20, 10, 100).read(file))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + ":3: record 3, column 'Name' (field 2): the field is 11 characters long")
                .hasMessageContaining("expected at most 10 characters in a field");
    }

    @Test
    void moreRecordsThanTheBoundIsAnError() throws Exception {
        Path file = dir.resolve("many.csv");
        Files.writeString(file, "Id\n1\n2\n3\n");

        assertThatThrownBy(() -> new CsvReader(1 << 20, 10, 2).read(file))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + ":4: record 4: the file has more than 2 records");
    }

    @Test
    void aFileLargerThanTheBoundIsAnErrorBeforeItIsRead() throws Exception {
        Path file = dir.resolve("big.csv");
        Files.writeString(file, "Id\n1\n2\n3\n");

        assertThatThrownBy(() -> new CsvReader(8, 10, 100).read(file))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + ": the file is 9 bytes long; expected at most 8 bytes");
    }

    @Test
    void theDefaultBoundsFitKaggleSizedFiles() {
        assertThat(CsvReader.DEFAULT).usingRecursiveComparison()
                .isEqualTo(new CsvReader(256L << 20, 1 << 20, 1_000_000));
    }

    @Test
    void aFileThatCannotBeReadIsAnError() {
        Path missing = dir.resolve("nowhere.csv");

        assertThatThrownBy(() -> CsvReader.DEFAULT.read(missing))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(missing + ": cannot read the file (java.nio.file.NoSuchFileException");
    }
}
