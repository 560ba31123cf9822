package org.djx.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.djx.api.data.DataFile;
import org.junit.jupiter.api.Test;

/**
 * D2L's two house-price files in the read-only dataset folder ({@link SharedDatasets}: DJX_DATA, else
 * ../shared/datasets beside the repository), verified by the data hub without being touched.
 */
class SharedDatasetsTests {
    private static final String D2L = "http://d2l-data.s3-accelerate.amazonaws.com/";

    @Test
    void findsAndVerifiesD2lsHouseFilesInTheReadOnlySharedFolder() {
        Path shared = SharedDatasets.require();
        Map<String, String> before = FileTrees.snapshot(shared);
        DataHub hub = DataHub.builder(DataCache.at(shared, "the shared datasets"))
                .add(DataFile.of("kaggle_house_train", URI.create(D2L + "kaggle_house_pred_train.csv"),
                        "585e9cc93e70b39160e7921475f9bcd7d31219ce"), "D2L")
                .add(DataFile.of("kaggle_house_test", URI.create(D2L + "kaggle_house_pred_test.csv"),
                        "fa19780a7b011d9b009e8bff8e99922a8ee2eb90"), "D2L")
                .build();

        // Checked first: a missing file would otherwise send fetch to the internet.
        assertThat(hub.check("kaggle_house_train").status()).isEqualTo(CacheCheck.Status.VERIFIED);
        assertThat(hub.check("kaggle_house_test").status()).isEqualTo(CacheCheck.Status.VERIFIED);
        Fetched train = hub.retrieve("kaggle_house_train");
        Fetched test = hub.retrieve("kaggle_house_test");

        assertThat(train.path()).isEqualTo(shared.resolve("kaggle_house_pred_train.csv").toAbsolutePath().normalize());
        assertThat(test.path()).isEqualTo(shared.resolve("kaggle_house_pred_test.csv").toAbsolutePath().normalize());
        assertThat(train.downloaded()).isFalse();
        assertThat(test.downloaded()).isFalse();
        assertThat(FileTrees.snapshot(shared)).isEqualTo(before);
    }
}
