package org.djx.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataFileTests {
    private static final URI URL = URI.create("http://example.com/data/house_train.csv");

    @Test
    void keepsTheSha1InLowercaseAndTakesTheFileNameFromTheUrl() {
        DataFile f = DataFile.of("house_train", URL, "585E9CC93E70B39160E7921475F9BCD7D31219CE");

        assertThat(f.sha1()).isEqualTo("585e9cc93e70b39160e7921475f9bcd7d31219ce");
        assertThat(f.fileName()).isEqualTo("house_train.csv");
        assertThat(f).isEqualTo(DataFile.of("house_train", URL, "585e9cc93e70b39160e7921475f9bcd7d31219ce"));
    }

    @Test
    void refusesMalformedNamesHashesAndUrls() {
        String sha1 = "0".repeat(40);
        assertThatThrownBy(() -> DataFile.of("../x", URL, sha1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data file name '../x'");
        assertThatThrownBy(() -> DataFile.of("x", URL, "abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be 40 hex digits, found 'abc'");
        assertThatThrownBy(() -> DataFile.of("x", URI.create("http://example.com/dir/"), sha1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not end in a plain file name");
    }

    @ParameterizedTest
    @CsvSource({"points.zip, true", "points.tar.gz, true", "points.tgz, true", "points.tar, true", "POINTS.TAR.GZ, true",
            "Points.Zip, true", "points.csv, false", "points.gz, false", "points.tar.bz2, false", "points.7z, false",
            "pointszip, false", "points.zip.part, false"})
    void tellsAnArchiveByItsFileNameSuffixInAnyCase(String fileName, boolean archive) {
        DataFile file = DataFile.of("points", URI.create("https://example.org/data/" + fileName), "0".repeat(40));

        assertThat(file.isArchive()).isEqualTo(archive);
    }
}
