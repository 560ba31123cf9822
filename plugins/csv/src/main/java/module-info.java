/**
 * The {@code kaggle-house} dataset: Kaggle's house prices as D2L uses them, read strictly from the
 * data hub's two CSV files.
 *
 * <p>Like every plugin it exports nothing: the engine reaches it through its provider alone.
 */
module org.djx.plugins.csv {
    requires org.djx.api;
    requires org.apache.commons.csv;

    provides org.djx.api.spi.DatasetSource with
            org.djx.plugins.csv.KaggleHouseSource;
}
