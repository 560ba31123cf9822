package org.djx.plugins.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.IntStream;
import org.djx.api.data.Column;
import org.djx.api.data.DataFile;
import org.djx.api.data.Dataset;
import org.djx.api.data.NumericColumn;
import org.djx.api.data.Table;
import org.djx.api.data.TextColumn;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data hub's real files, when they are on this machine: in {@code DJX_DATA}, or in the
 * {@code shared/datasets} folder beside the checkout. Skipped where they are absent, unless DJX_REQUIRE_DATA is true.
 */
class RealHouseFilesTests {
    private static Path folder;
    private static Dataset data;

    /**
     * Each test needs the files, so each is skipped without them (an assumption in a {@code @BeforeAll}
     * would drop the tests from every count instead), or fails when DJX_REQUIRE_DATA is true, as .ci/run
     * sets it where the shared folder exists. The files are read once.
     */
    @BeforeEach
    void theRealFiles() {
        if (data != null) {
            return;
        }
        folder = findFolder();
        if (folder == null) {
            String why = "the house-price CSV files are in neither DJX_DATA nor ../../../shared/datasets";
            if ("true".equals(System.getenv("DJX_REQUIRE_DATA"))) {
                Assertions.fail(why + ", and DJX_REQUIRE_DATA is true");
            }
            Assumptions.abort(why);
        }
        Map<String, Path> paths = Map.of(
                KaggleHouseSource.TRAIN.name(), folder.resolve(KaggleHouseSource.TRAIN.fileName()),
                KaggleHouseSource.TEST.name(), folder.resolve(KaggleHouseSource.TEST.fileName()));
        data = new KaggleHouseSource().load(null, HouseFiles.filesOnly(paths::get));
    }

    @Test
    void theFilesAreTheOnesTheSourceDeclares() throws Exception {
        for (DataFile file : new KaggleHouseSource().files()) {
            assertThat(sha1(folder.resolve(file.fileName()))).as(file.name()).isEqualTo(file.sha1());
        }
    }

    @Test
    void trainingIs1460By81AndTestIs1459By80() {
        assertThat(data.train().rows()).isEqualTo(1460);
        assertThat(data.train().columns()).hasSize(81);
        assertThat(data.test().rows()).isEqualTo(1459);
        assertThat(data.test().columns()).hasSize(80);
        assertThat(data.train().columns().get(0).name()).isEqualTo("Id");
        assertThat(data.train().columns().get(80).name()).isEqualTo("SalePrice");
        assertThat(data.test().column("SalePrice")).isEmpty();
    }

    @Test
    void readsTheFirstHousesValues() {
        int first = row(data.train(), 1);
        int eighth = row(data.train(), 8);

        assertThat(number(data.train(), "SalePrice", first)).isEqualTo(208500);
        assertThat(number(data.train(), "LotFrontage", first)).isEqualTo(65);
        assertThat(data.train().column("LotFrontage").orElseThrow().isMissing(eighth)).isTrue();
        assertThat(((TextColumn) data.train().column("MSZoning").orElseThrow()).get(first)).isEqualTo("RL");
        assertThat(((TextColumn) data.test().column("Id").orElseThrow()).get(0)).isEqualTo("1461");
    }

    @Test
    void typesMatchPandas() {
        assertThat(data.train().column("MSZoning")).containsInstanceOf(TextColumn.class);
        assertThat(data.train().column("MSSubClass")).containsInstanceOf(NumericColumn.class);
        assertThat(data.train().column("LotFrontage")).containsInstanceOf(NumericColumn.class);
        assertThat(data.test().column("BsmtFinSF1")).containsInstanceOf(NumericColumn.class);
        long numeric = data.train().columns().stream().filter(c -> c instanceof NumericColumn).count();
        long text = data.train().columns().stream().filter(c -> c instanceof TextColumn).count();
        // 36 numeric features plus SalePrice; 43 categorical features plus Id, which is text as written
        assertThat(numeric).isEqualTo(37);
        assertThat(text).isEqualTo(44);
        for (Column c : data.test().columns()) {
            assertThat(c.getClass()).as(c.name()).isEqualTo(data.train().column(c.name()).orElseThrow().getClass());
        }
    }

    @Test
    void noneIsAMasonryCategoryInBothFilesNotAMissingValue() {
        // pandas 1.x (which D2L's 331 features come from) reads 'None' as text; pandas 2 would make it NaN
        assertThat(count(data.train(), "MasVnrType", "None")).isEqualTo(864);
        assertThat(count(data.test(), "MasVnrType", "None")).isEqualTo(878);
    }

    @Test
    void oneHotEncodingGivesD2ls331Features() {
        assertThat(OneHotWidth.of(data)).isEqualTo(331);
    }

    private static Path findFolder() {
        String env = System.getenv("DJX_DATA");
        if (env != null && !env.isBlank() && hasBothFiles(Path.of(env))) {
            return Path.of(env);
        }
        // tests run in plugins/csv; shared/ sits beside the checkout
        Path beside = Path.of("").toAbsolutePath().resolve("../../../shared/datasets").normalize();
        return hasBothFiles(beside) ? beside : null;
    }

    private static boolean hasBothFiles(Path dir) {
        return Files.isRegularFile(dir.resolve(KaggleHouseSource.TRAIN.fileName()))
                && Files.isRegularFile(dir.resolve(KaggleHouseSource.TEST.fileName()));
    }

    private static int row(Table table, int id) {
        TextColumn ids = (TextColumn) table.column("Id").orElseThrow();
        for (int r = 0; r < ids.size(); r++) {
            if (ids.get(r).equals(Integer.toString(id))) {
                return r;
            }
        }
        throw new AssertionError("no Id " + id);
    }

    private static long count(Table table, String column, String value) {
        TextColumn text = (TextColumn) table.column(column).orElseThrow();
        return IntStream.range(0, text.size()).filter(r -> value.equals(text.get(r))).count();
    }

    private static double number(Table table, String column, int row) {
        return ((NumericColumn) table.column(column).orElseThrow()).get(row);
    }

    private static String sha1(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-1");
        try (InputStream in = Files.newInputStream(file)) {
            digest.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
