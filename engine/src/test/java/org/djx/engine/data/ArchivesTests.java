package org.djx.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.djx.engine.data.ArchiveBytes.declareSize;
import static org.djx.engine.data.ArchiveBytes.zip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.djx.api.DataException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile archives are built inside each test; after a refusal the test asserts the exact set of files
 * around the target folder: the archive alone, with nothing outside and nothing half-extracted.
 */
class ArchivesTests {
    private static final ArchiveLimits SMALL = new ArchiveLimits(5, 64 * 1024, 100 * 1024);

    @TempDir
    Path temp;
    private Path target;

    @BeforeEach
    void target() {
        target = temp.resolve("ds");
    }

    // ---- zip --------------------------------------------------------------------------------------

    @Test
    void extractsAGoodZip() throws IOException {
        Path archive = Files.write(temp.resolve("good.zip"), zip("README", "read me", "data/", null,
                "data/train.csv", "a,b\n1,2\n", "data/sub/test.csv", "a\n1\n"));

        Path root = Archives.extract(archive, target);

        assertThat(root).isEqualTo(target.toAbsolutePath());
        assertThat(FileTrees.tree(temp)).containsExactly("ds/", "ds/README", "ds/data/", "ds/data/sub/",
                "ds/data/sub/test.csv", "ds/data/train.csv", "good.zip");
        assertThat(target.resolve("data/train.csv")).hasContent("a,b\n1,2\n");
        assertThat(target.resolve("data/sub/test.csv")).hasContent("a\n1\n");
    }

    @Test
    void refusesAZipEntryThatStepsOutWithDotDot() throws IOException {
        Path archive = Files.write(temp.resolve("hostile.zip"), zip("ok.txt", "fine", "../evil.txt", "pwned"));

        assertRefused(archive, "entry '../evil.txt' steps out of its folder with '..'");
    }

    @Test
    void refusesAnAbsoluteZipEntry() throws IOException {
        String absolute = temp.resolve("abs.txt").toAbsolutePath().toString();
        Path archive = Files.write(temp.resolve("hostile.zip"), zip("ok.txt", "fine", absolute, "pwned"));

        assertRefused(archive, "entry '" + absolute + "' is an absolute path");
    }

    @Test
    void refusesAZipEntryWithABackslash() throws IOException {
        Path archive = Files.write(temp.resolve("hostile.zip"), zip("..\\evil.txt", "pwned"));

        assertRefused(archive, "entry '..\\evil.txt' has a backslash in its name");
    }

    @Test
    void refusesAZipEntryWithAWindowsDrive() throws IOException {
        Path archive = Files.write(temp.resolve("hostile.zip"), zip("C:/evil.txt", "pwned"));

        assertRefused(archive, "entry 'C:/evil.txt' has a ':' in its name (a Windows drive or stream name)");
    }

    @Test
    void refusesAZipEntryAimedAtASiblingWhoseNameStartsLikeTheTarget() throws IOException {
        Path archive = Files.write(temp.resolve("hostile.zip"), zip("ok.txt", "fine", "../ds-evil/pwned.txt", "pwned"));

        assertRefused(archive, "entry '../ds-evil/pwned.txt' steps out of its folder");
        assertThat(temp.resolve("ds-evil")).doesNotExist();
    }

    @Test
    void refusesAZipWithTooManyEntriesBeforeWritingAny() throws IOException {
        Path archive = Files.write(temp.resolve("hostile.zip"),
                zip("1", "a", "2", "b", "3", "c", "4", "d", "5", "e", "6", "f"));

        assertRefused(archive, SMALL, "has 6 entries, more than the limit of 5");
    }

    @Test
    void stopsAZipBombByTheBytesItActuallyWrites() throws IOException {
        // The central directory claims 100 bytes; the deflated data holds a mebibyte of zeros.
        byte[] bomb = declareSize(zip("ok.txt", "fine", "bomb.bin", new byte[1 << 20]), "bomb.bin", 100);
        Path archive = Files.write(temp.resolve("hostile.zip"), bomb);
        assertThat(Files.size(archive)).isLessThan(10_000);

        assertRefused(archive, SMALL, "entry 'bomb.bin' expands to more than the limit of 65536 bytes per entry");
    }

    @Test
    void refusesAZipEntryThatDeclaresMoreThanTheLimitBeforeWritingIt() throws IOException {
        Path archive = Files.write(temp.resolve("hostile.zip"), zip("ok.txt", "fine", "big.bin", new byte[70 * 1024]));

        assertRefused(archive, SMALL, "entry 'big.bin' declares 71680 bytes, more than the limit of 65536 bytes per entry");
    }

    @Test
    void stopsAZipWhoseEntriesTogetherExceedTheTotalLimit() throws IOException {
        byte[] part = new byte[40 * 1024];
        Path archive = Files.write(temp.resolve("hostile.zip"), zip("a.bin", part, "b.bin", part, "c.bin", part));

        assertRefused(archive, SMALL, "entry 'c.bin' takes the archive's extracted size past the limit of 102400 bytes in all");
    }

    @Test
    void refusesAFileThatIsNotAZip() throws IOException {
        Path archive = Files.writeString(temp.resolve("hostile.zip"), "not a zip at all");

        assertRefused(archive, "the archive is damaged or cannot be read");
    }

    // ---- tar --------------------------------------------------------------------------------------

    @Test
    void extractsAGoodTarWithGnuLongNamesAndPaxPaths() throws IOException {
        String longName = "data/" + "x".repeat(120) + ".csv";
        Path archive = good().writeTo(temp.resolve("good.tar"));

        Archives.extract(archive, target);

        assertGoodTree("good.tar", longName);
    }

    @Test
    void extractsAGoodTarGz() throws IOException {
        Path archive = good().writeGzipTo(temp.resolve("good.tar.gz"));

        Archives.extract(archive, target);

        assertGoodTree("good.tar.gz", "data/" + "x".repeat(120) + ".csv");
    }

    @Test
    void extractsAGoodTgz() throws IOException {
        Path archive = good().writeGzipTo(temp.resolve("good.tgz"));

        Archives.extract(archive, target);

        assertGoodTree("good.tgz", "data/" + "x".repeat(120) + ".csv");
    }

    private static TarWriter good() {
        return new TarWriter()
                .folder("data/")
                .file("data/train.csv", "a,b\n1,2\n")
                .longName("data/" + "x".repeat(120) + ".csv")
                .file("././@ignored", "long\n")
                .pax("path", "data/données.csv", "mtime", "1700000000.5")
                .file("ignored-too", "pax\n")
                // A PAX size replaces the header's (0 here); the second extended header keeps its own size.
                .pax("size", "4")
                .pax("comment", "a second extended header")
                .raw(TarWriter.header("sized.txt", '0', 0, "", true))
                .raw(Arrays.copyOf("big\n".getBytes(StandardCharsets.UTF_8), 512))
                .file("empty.txt", "");
    }

    private void assertGoodTree(String archiveName, String longName) throws IOException {
        assertThat(FileTrees.tree(temp)).containsExactlyInAnyOrder(archiveName, "ds/", "ds/data/", "ds/data/train.csv",
                "ds/" + longName, "ds/data/données.csv", "ds/sized.txt", "ds/empty.txt");
        assertThat(target.resolve("sized.txt")).hasContent("big\n");
        assertThat(target.resolve("data/train.csv")).hasContent("a,b\n1,2\n");
        assertThat(target.resolve(longName)).hasContent("long\n");
        assertThat(target.resolve("data/données.csv")).hasContent("pax\n");
        assertThat(Files.size(target.resolve("empty.txt"))).isZero();
    }

    @Test
    void refusesATarEntryThatStepsOutWithDotDot() throws IOException {
        Path archive = new TarWriter().file("ok.txt", "fine").file("../evil.txt", "pwned").writeTo(temp.resolve("hostile.tar"));

        assertRefused(archive, "entry '../evil.txt' steps out of its folder with '..'");
    }

    @Test
    void refusesAnAbsoluteTarEntry() throws IOException {
        String absolute = temp.resolve("abs.txt").toAbsolutePath().toString();
        Path archive = new TarWriter().file("ok.txt", "fine").pax("path", absolute).file("abs.txt", "pwned")
                .writeTo(temp.resolve("hostile.tar"));

        assertRefused(archive, "entry '" + absolute + "' is an absolute path");
    }

    @Test
    void refusesATarSymlink() throws IOException {
        Path archive = new TarWriter().file("ok.txt", "fine").entry("link", '2', new byte[0], "../outside")
                .file("link/pwned.txt", "pwned").writeTo(temp.resolve("hostile.tar"));

        assertRefused(archive, "entry 'link' is a symbolic link (to '../outside'); djx extracts only files and folders");
    }

    @Test
    void refusesATarHardLink() throws IOException {
        Path archive = new TarWriter().entry("passwd", '1', new byte[0], "/etc/passwd").writeTo(temp.resolve("hostile.tar"));

        assertRefused(archive, "entry 'passwd' is a hard link (to '/etc/passwd')");
    }

    @ParameterizedTest
    @CsvSource({"3, is a character device", "4, is a block device", "6, is a FIFO (named pipe)",
            "S, is a GNU sparse file", "V, is part of a GNU multi-volume archive", "Z, has the tar entry type 'Z'"})
    void refusesTarEntriesThatAreNotFilesOrFolders(char type, String reason) throws IOException {
        Path archive = new TarWriter().file("ok.txt", "fine").entry("special", type, new byte[0], "")
                .writeTo(temp.resolve("hostile.tar"));

        assertRefused(archive, "entry 'special' " + reason);
    }

    @Test
    void refusesATarEntryAimedAtASiblingWhoseNameStartsLikeTheTargetThroughALongName() throws IOException {
        Path archive = new TarWriter().file("ok.txt", "fine").longName("../ds-evil/" + "p".repeat(100) + ".txt")
                .file("harmless", "pwned").writeTo(temp.resolve("hostile.tar"));

        assertRefused(archive, "entry '../ds-evil/" + "p".repeat(100) + ".txt' steps out of its folder");
        assertThat(temp.resolve("ds-evil")).doesNotExist();
    }

    @Test
    void refusesATarWithTooManyEntries() throws IOException {
        TarWriter tar = new TarWriter();
        for (int i = 0; i < 6; i++) {
            tar.file("f" + i, "x");
        }
        Path archive = tar.writeTo(temp.resolve("hostile.tar"));

        assertRefused(archive, SMALL, "entry 'f5' is one entry too many: the limit is 5 entries");
    }

    @Test
    void refusesATarEntryThatDeclaresMoreThanTheLimitBeforeWritingIt() throws IOException {
        Path archive = new TarWriter().file("ok.txt", "fine").file("big.bin", new byte[70 * 1024]).writeTo(temp.resolve("hostile.tar"));

        assertRefused(archive, SMALL, "entry 'big.bin' declares 71680 bytes, more than the limit of 65536 bytes per entry");
    }

    @Test
    void stopsATarGzBombAtTheTotalLimit() throws IOException {
        byte[] part = new byte[60 * 1024];
        Path archive = new TarWriter().file("a.bin", part).file("b.bin", part).writeGzipTo(temp.resolve("hostile.tar.gz"));
        assertThat(Files.size(archive)).isLessThan(2_000);

        assertRefused(archive, SMALL, "entry 'b.bin' takes the archive's extracted size past the limit of 102400 bytes in all");
    }

    @Test
    void refusesATarWithABadHeaderChecksum() throws IOException {
        byte[] tar = new TarWriter().file("ok.txt", "fine").file("data.csv", "a\n").finish();
        tar[1024] = 'D'; // the first letter of the second entry's name
        Path archive = Files.write(temp.resolve("hostile.tar"), tar);

        assertRefused(archive, "header at byte 1024 has the checksum");
    }

    @Test
    void refusesATruncatedTar() throws IOException {
        byte[] tar = new TarWriter().file("ok.txt", "fine").file("data.csv", new byte[2000]).finish();
        Path archive = Files.write(temp.resolve("hostile.tar"), Arrays.copyOf(tar, 1024 + 1000));

        assertRefused(archive, "(at entry 'data.csv'): java.io.EOFException: the archive ends in the middle of an entry");
    }

    @Test
    void refusesATarWithoutItsEndMarker() throws IOException {
        Path archive = Files.write(temp.resolve("hostile.tar"), new TarWriter().file("ok.txt", "fine").unfinished());

        assertRefused(archive, "the archive ends at byte 1024 without its end-of-archive marker; it is truncated");
    }

    @Test
    void refusesDataAfterTheEndMarker() throws IOException {
        byte[] tar = new TarWriter().file("ok.txt", "fine").finish();
        tar[tar.length - 1] = 1;
        Path archive = Files.write(temp.resolve("hostile.tar"), tar);

        assertRefused(archive, "the archive has data after its end-of-archive marker, at byte " + (tar.length - 1));
    }

    @Test
    void refusesAPaxPathThatStepsOut() throws IOException {
        Path archive = new TarWriter().file("ok.txt", "fine").pax("path", "a/../../evil.txt").file("harmless", "pwned")
                .writeTo(temp.resolve("hostile.tar"));

        assertRefused(archive, "entry 'a/../../evil.txt' steps out of its folder");
    }

    @Test
    void refusesAnOldV7TarHeader() throws IOException {
        byte[] header = TarWriter.header("old.txt", '0', 0, "", true);
        Arrays.fill(header, 257, 265, (byte) 0);
        Arrays.fill(header, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        System.arraycopy(String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII), 0, header, 148, 8);
        Path archive = new TarWriter().raw(header).writeTo(temp.resolve("hostile.tar"));

        assertRefused(archive, "entry 'old.txt' has a header (at byte 0) that is neither POSIX ustar nor GNU tar");
    }

    // ---- both -------------------------------------------------------------------------------------

    @Test
    void neverExtractsOverAnExistingTarget() throws IOException {
        Path archive = Files.write(temp.resolve("good.zip"), zip("new.txt", "new"));
        Files.createDirectory(target);
        Files.writeString(target.resolve("mine.txt"), "mine");

        assertThatThrownBy(() -> Archives.extract(archive, target))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("the target already exists; djx never extracts over existing files");
        assertThat(FileTrees.tree(temp)).containsExactly("ds/", "ds/mine.txt", "good.zip");
        assertThat(target.resolve("mine.txt")).hasContent("mine");
    }

    @Test
    void refusesAnUnknownArchiveType() throws IOException {
        Path archive = Files.writeString(temp.resolve("data.rar"), "Rar!");

        assertThatThrownBy(() -> Archives.extract(archive, target))
                .isInstanceOf(DataException.class)
                .hasMessage("cannot extract " + archive + ": unknown archive type; djx extracts .zip, .tar, .tar.gz and .tgz files");
        assertThat(FileTrees.tree(temp)).containsExactly("data.rar");
    }

    private void assertRefused(Path archive, String reason) {
        assertRefused(archive, ArchiveLimits.DEFAULT, reason);
    }

    private void assertRefused(Path archive, ArchiveLimits limits, String reason) {
        assertThatThrownBy(() -> Archives.extract(archive, target, limits))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("cannot extract " + archive + " into " + target.toAbsolutePath() + ": ")
                .hasMessageContaining(reason)
                .hasMessageEndingWith("; nothing was extracted");
        assertThat(FileTrees.tree(temp)).containsExactly(archive.getFileName().toString());
    }
}
