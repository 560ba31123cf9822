package org.djx.api.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataFileTests {
    @ParameterizedTest
    @CsvSource({"points.zip, true", "points.tar.gz, true", "points.tgz, true", "points.tar, true", "POINTS.TAR.GZ, true",
            "Points.Zip, true", "points.csv, false", "points.gz, false", "points.tar.bz2, false", "points.7z, false",
            "pointszip, false", "points.zip.part, false"})
    void tellsAnArchiveByItsFileNameSuffixInAnyCase(String fileName, boolean archive) {
        DataFile file = new DataFile("points", URI.create("https://example.org/data/" + fileName), "0".repeat(40));

        assertThat(file.isArchive()).isEqualTo(archive);
    }
}
