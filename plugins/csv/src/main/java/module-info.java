/**
 * CSV datasets read strictly: {@code csv}, a user's own table from local or data-hub files, and
 * {@code kaggle-house}, Kaggle's house prices as D2L uses them, from the data hub's two CSV files.
 *
 * <p>Like every plugin it exports nothing: the engine reaches it through its provider alone.
 */
module org.djx.plugins.csv {
    requires org.djx.api;
    requires org.apache.commons.csv;

    provides org.djx.api.spi.DatasetSource with
            org.djx.plugins.csv.CsvSource,
            org.djx.plugins.csv.KaggleHouseSource;
}
