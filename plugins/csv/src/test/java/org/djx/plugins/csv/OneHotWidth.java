package org.djx.plugins.csv;

import java.util.HashSet;
import java.util.Set;
import org.djx.api.data.Column;
import org.djx.api.data.Dataset;
import org.djx.api.data.NumericColumn;
import org.djx.api.data.TextColumn;

/**
 * The number of features D2L's preprocessing makes of a dataset: one per numeric column, and per text
 * column one per distinct category over training and test rows plus one missing-value indicator
 * ({@code pd.get_dummies(dummy_na=True)}), leaving out the id and the target.
 */
final class OneHotWidth {
    private OneHotWidth() {
    }

    static int of(Dataset data) {
        int width = 0;
        for (Column column : data.train().columns()) {
            String name = column.name();
            if (name.equals(data.id()) || name.equals(data.target())) {
                continue;
            }
            if (column instanceof NumericColumn) {
                width++;
            } else {
                Set<String> categories = new HashSet<>();
                collect(categories, (TextColumn) column);
                collect(categories, (TextColumn) data.test().column(name).orElseThrow());
                width += categories.size() + 1;
            }
        }
        return width;
    }

    private static void collect(Set<String> categories, TextColumn column) {
        for (int r = 0; r < column.size(); r++) {
            if (!column.isMissing(r)) {
                categories.add(column.get(r));
            }
        }
    }
}
