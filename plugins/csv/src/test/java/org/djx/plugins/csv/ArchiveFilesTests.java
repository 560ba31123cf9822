package org.djx.plugins.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.djx.api.ConfigurationException;
import org.djx.api.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A file inside an extracted data-hub archive, named as {@code hub:NAME/inner/path.csv}. */
class ArchiveFilesTests {
    @TempDir
    Path dir;

    @Test
    void aFileTheArchiveDoesNotHoldIsAnErrorAtTheKeyListingItsCsvFiles() {
        UserTable table = new UserTable(dir).standard();
        Path archive = dir.resolve("cache/people");
        FakeDataContext.write(archive.resolve("people/train.csv"), UserTable.TRAIN);
        FakeDataContext.write(archive.resolve("people/test.csv"), UserTable.TEST);
        FakeDataContext.write(archive.resolve("README.txt"), "not a table");
        table.context.archive("people", archive);

        assertThat(table.failure(UserTable.classification("train", "hub:people/train.csv"), ConfigurationException.class))
                .startsWith("invalid value at 'train' of 'csv'")
                .contains("the archive 'people' has no file 'train.csv'; it holds 2 CSV files: people/test.csv, people/train.csv."
                        + " Write the path of one of its files after 'hub:people/'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"people.zip", "people.TAR.GZ", "people.tgz", "people.Tar"})
    void aHubArchiveNamedWithoutAPathInsideIsAnErrorAtTheKeyListingItsCsvFiles(String fileName) {
        UserTable table = new UserTable(dir).standard();
        // the bytes a zip archive starts with; read as CSV, they would fail as text that is not UTF-8
        Path hubFile = FakeDataContext.writeBytes(dir.resolve("cache/" + fileName), new byte[] {'P', 'K', 3, 4, (byte) 0xFF, 0});
        Path archive = dir.resolve("cache/people-extracted");
        FakeDataContext.write(archive.resolve("people/train.csv"), UserTable.TRAIN);
        FakeDataContext.write(archive.resolve("people/test.csv"), UserTable.TEST);
        table.context.hubFile("people", hubFile).archive("people", archive);

        assertThat(table.failure(UserTable.classification("train", "hub:people"), ConfigurationException.class))
                .startsWith("invalid value at 'train' of 'csv'")
                .contains("the data-hub file 'people' is an archive (" + fileName + "), not a CSV file; write the path of"
                        + " a file inside it after the name, as in hub:people/path/in/archive.csv; it holds 2 CSV files:"
                        + " people/test.csv, people/train.csv");
        assertThat(table.context.calls).containsExactly("fetch people", "extract people");
    }

    @Test
    void aHubArchiveWhoseFilesCannotBeListedIsStillAnErrorAtTheKey() {
        UserTable table = new UserTable(dir).standard();
        table.context.hubFile("people", FakeDataContext.write(dir.resolve("cache/people.zip"), "PK"));

        assertThat(table.failure(UserTable.classification("test", "hub:people"), ConfigurationException.class))
                .startsWith("invalid value at 'test' of 'csv'")
                .contains("the data-hub file 'people' is an archive (people.zip)")
                .contains("its files cannot be listed: no data-hub archive 'people'");
    }

    @Test
    void listsTenOfAnArchivesCsvFilesAndCountsTheRest() {
        Path archive = dir.resolve("many");
        IntStream.range(0, 13).forEach(i -> FakeDataContext.write(archive.resolve(String.format("part-%02d.csv", i)), "a,b", "1,2"));

        assertThatThrownBy(() -> ArchiveFiles.find(archive, "part.csv", "many", IllegalStateException::new))
                .hasMessageContaining("it holds 13 CSV files: part-00.csv, part-01.csv,")
                .hasMessageContaining("part-09.csv and 3 more.");
    }

    @Test
    void anArchiveWithoutCsvFilesSaysSo() {
        Path archive = dir.resolve("images");
        FakeDataContext.write(archive.resolve("a.png"), "x");

        assertThatThrownBy(() -> ArchiveFiles.find(archive, "a.csv", "images", IllegalStateException::new))
                .hasMessageContaining("it holds no CSV file at all (is 'images' the archive you meant?)");
    }

    @Test
    void aFolderIsNotAFile() {
        Path archive = dir.resolve("people");
        FakeDataContext.write(archive.resolve("people/train.csv"), UserTable.TRAIN);

        assertThatThrownBy(() -> ArchiveFiles.find(archive, "people", "people", IllegalStateException::new))
                .hasMessageStartingWith("'people' is a folder in the archive 'people', not a file; it holds one CSV file: people/train.csv");
    }

    @Test
    void aLinkThatLeadsOutOfTheArchiveIsRefused() throws IOException {
        Path outside = FakeDataContext.write(dir.resolve("secret.csv"), "a,b", "1,2");
        Path archive = Files.createDirectories(dir.resolve("people"));
        Files.createSymbolicLink(archive.resolve("train.csv"), outside);

        assertThatThrownBy(() -> ArchiveFiles.find(archive, "train.csv", "people", IllegalStateException::new))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("hub:people/train.csv: the path leads outside the extracted archive, to " + outside.toRealPath());
    }

    @Test
    void aPathThatClimbsOutIsRefusedEvenWhenItGetsPastTheConfigurationCheck() {
        Path archive = FakeDataContext.write(dir.resolve("ds/a.csv"), "a,b", "1,2").getParent();
        FakeDataContext.write(dir.resolve("ds-evil/b.csv"), "a,b", "1,2");

        assertThatThrownBy(() -> ArchiveFiles.find(archive, "../ds-evil/b.csv", "ds", IllegalStateException::new))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("the path leads outside the extracted archive");
    }

    @Test
    void findsAFileInASubfolder() {
        Path archive = dir.resolve("people");
        Path file = FakeDataContext.write(archive.resolve("people/train.csv"), UserTable.TRAIN);

        assertThat(ArchiveFiles.find(archive, "people/train.csv", "people", IllegalStateException::new)).isEqualTo(file);
    }
}
