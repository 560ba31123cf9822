package org.djx.plugins.csv;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.djx.api.data.DataContext;
import org.djx.api.data.DataFile;
import org.djx.api.data.Dataset;
import org.djx.api.data.TargetRule;
import org.djx.api.spi.Config;
import org.djx.api.spi.DatasetSource;

/**
 * Kaggle's house prices as D2L 4.10 uses them: 1460 sold houses with their {@code SalePrice} and 1459
 * to price, 79 features each besides {@code Id}, read from the D2L data hub's two CSV files.
 *
 * <p>The dataset names {@code Id} as the id column and {@code SalePrice} as the target, which must be
 * positive. It has no configuration keys: it is {@link TableReader} with fixed options, so the {@code csv}
 * source pointed at the same two files reads the same dataset, without the rule on the target.
 */
public final class KaggleHouseSource implements DatasetSource {
    /** The labelled training rows: 1460 x 81, Id ... SalePrice. */
    static final DataFile TRAIN = DataFile.of("kaggle_house_train",
            URI.create("http://d2l-data.s3-accelerate.amazonaws.com/kaggle_house_pred_train.csv"),
            "585e9cc93e70b39160e7921475f9bcd7d31219ce");

    /** The rows to predict: 1459 x 80, the training columns without SalePrice. */
    static final DataFile TEST = DataFile.of("kaggle_house_test",
            URI.create("http://d2l-data.s3-accelerate.amazonaws.com/kaggle_house_pred_test.csv"),
            "fa19780a7b011d9b009e8bff8e99922a8ee2eb90");

    static final String TARGET = "SalePrice";
    static final String ID = "Id";

    /** Kaggle scores the log of the price, so a submission's predictions must be positive. */
    static final TargetRule PRICE = TargetRule.positive("a sale price is positive");

    @Override
    public String name() {
        return "kaggle-house";
    }

    @Override
    public String description() {
        return "Kaggle house prices (D2L 4.10): 1460 houses with SalePrice to learn from, 1459 to predict.";
    }

    @Override
    public List<DataFile> files() {
        return List.of(TRAIN, TEST);
    }

    @Override
    public Dataset load(Config config, DataContext context) {
        Path train = context.fetch(TRAIN.name());
        Path test = context.fetch(TEST.name());
        return new TableReader(CsvReader.DEFAULT, TableOptions.regression(TARGET, ID)).read(train, test).withTargetRule(PRICE);
    }
}
