package org.djx.plugins.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.djx.api.DataException;
import org.djx.api.data.DataFile;
import org.djx.api.data.Dataset;
import org.djx.api.spi.DatasetSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KaggleHouseSourceTests {
    @Test
    void isFoundByServiceLoaderAsTheDatasetKaggleHouse() {
        List<String> names = ServiceLoader.load(DatasetSource.class).stream()
                .filter(p -> p.type() == KaggleHouseSource.class)
                .map(p -> p.get().name())
                .toList();

        assertThat(names).containsExactly("kaggle-house");
    }

    @Test
    void providerIsPublicFinalWithAPublicNoArgumentConstructor() throws Exception {
        assertThat(Modifier.isPublic(KaggleHouseSource.class.getModifiers())).isTrue();
        assertThat(Modifier.isFinal(KaggleHouseSource.class.getModifiers())).isTrue();
        assertThat(Modifier.isPublic(KaggleHouseSource.class.getConstructor().getModifiers())).isTrue();
    }

    @Test
    void declaresD2lsTwoHubFilesWithTheirSha1s() {
        assertThat(new KaggleHouseSource().files()).containsExactly(
                DataFile.of("kaggle_house_train",
                        URI.create("http://d2l-data.s3-accelerate.amazonaws.com/kaggle_house_pred_train.csv"),
                        "585e9cc93e70b39160e7921475f9bcd7d31219ce"),
                DataFile.of("kaggle_house_test",
                        URI.create("http://d2l-data.s3-accelerate.amazonaws.com/kaggle_house_pred_test.csv"),
                        "fa19780a7b011d9b009e8bff8e99922a8ee2eb90"));
        assertThat(new KaggleHouseSource().files()).extracting(DataFile::fileName)
                .containsExactly("kaggle_house_pred_train.csv", "kaggle_house_pred_test.csv");
    }

    @Test
    void takesNoParametersAndDescribesItself() {
        assertThat(new KaggleHouseSource().configuration()).isEmpty();
        assertThat(new KaggleHouseSource().description()).contains("SalePrice");
    }

    @Test
    void fetchesTheTrainingThenTheTestFileThroughTheContext(@TempDir Path dir) {
        HouseFiles files = new HouseFiles(dir).standard();
        List<String> fetched = new ArrayList<>();

        new KaggleHouseSource().load(null, files.context(fetched));

        assertThat(fetched).containsExactly("kaggle_house_train", "kaggle_house_test");
    }

    @Test
    void declaresTheIdColumnTheTargetAndThatASalePriceIsPositive(@TempDir Path dir) {
        Dataset d = new KaggleHouseSource().load(null, new HouseFiles(dir).standard().context(new ArrayList<>()));

        assertThat(d.id()).isEqualTo("Id");
        assertThat(d.target()).isEqualTo("SalePrice");
        assertThat(d.targetRule().describe()).isEqualTo("a target must be finite and positive (a sale price is positive)");
        assertThat(d.targetRule().accepts(0)).isFalse();
        assertThat(d.targetRule().accepts(129_900)).isTrue();
    }

    @Test
    void passesOnTheContextsErrorWhenAFileCannotBeFetched(@TempDir Path dir) {
        DataException offline = new DataException("kaggle_house_test is not cached and djx is offline");

        assertThatThrownBy(() -> new KaggleHouseSource().load(null, HouseFiles.filesOnly(name -> {
            if (name.equals("kaggle_house_test")) {
                throw offline;
            }
            return new HouseFiles(dir).standard().train;
        }))).isSameAs(offline);
    }
}
