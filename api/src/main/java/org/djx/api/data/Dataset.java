package org.djx.api.data;

import java.util.Objects;
import org.djx.api.Stability;

/**
 * What a {@link org.djx.api.spi.DatasetSource} loads: labelled training rows, and optionally unlabelled
 * test rows to predict.
 *
 * @param train  the labelled rows
 * @param test   rows to predict, without the target column; null when the dataset has none
 * @param target the name of the column to predict
 * @param id     the name of the column that identifies rows in a submission; null when there is none
 * @since 0.1
 */
@Stability(Stability.Status.STABLE)
public record Dataset(Table train, Table test, String target, String id) {
    public Dataset {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(target, "target");
        if (train.column(target).isEmpty()) {
            throw new IllegalArgumentException("the training rows have no target column '" + target + "'");
        }
    }
}
