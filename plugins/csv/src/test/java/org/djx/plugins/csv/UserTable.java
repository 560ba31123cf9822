package org.djx.plugins.csv;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.djx.api.DjxException;
import org.djx.api.data.Dataset;
import org.djx.testkit.PluginConfig;

/**
 * A small table of a user's own, written inside a test beside a fake experiment file: an id, features
 * with numbers, text and missing cells, and a class as the target.
 */
final class UserTable {
    static final String[] TRAIN = {
        "id,age,city,size,label",
        "1,34,Paris,NA,malignant",
        "2,,Lyon,3.5,benign",
        "3,51,NA,2,malignant",
        "4,29,Lyon,,benign"};
    static final String[] TEST = {
        "id,age,city,size",
        "10,40,Paris,1",
        "11,NA,,2"};

    final Path dir;
    final Path train;
    final Path test;
    final FakeDataContext context;

    UserTable(Path dir) {
        this.dir = dir;
        this.train = dir.resolve("train.csv");
        this.test = dir.resolve("test.csv");
        this.context = new FakeDataContext(dir);
    }

    /** Writes the standard pair. */
    UserTable standard() {
        FakeDataContext.write(train, TRAIN);
        FakeDataContext.write(test, TEST);
        return this;
    }

    UserTable withTrain(String... lines) {
        FakeDataContext.write(train, lines);
        return this;
    }

    UserTable withTest(String... lines) {
        FakeDataContext.write(test, lines);
        return this;
    }

    /** The configuration of the standard pair as a classification of label, with the id column; {@code more} adds or replaces keys. */
    static Map<String, Object> classification(Object... more) {
        Map<String, Object> values = new HashMap<>(Map.of("train", "train.csv", "test", "test.csv", "target", "label",
                "id", "id", "problem", "classification"));
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] == null) {
                values.remove((String) more[i]);
            } else {
                values.put((String) more[i], more[i + 1]);
            }
        }
        return values;
    }

    Dataset load(Map<String, Object> values) {
        CsvSource source = new CsvSource();
        return source.load(PluginConfig.of(source, values), context);
    }

    /** Loads, requiring that it fails with a djx exception of {@code type}; returns the message. */
    String failure(Map<String, Object> values, Class<? extends DjxException> type) {
        Dataset returned;
        try {
            returned = load(values);
        } catch (DjxException e) {
            if (!type.isInstance(e)) {
                throw new AssertionError("expected a " + type.getSimpleName() + ", got " + e, e);
            }
            return e.getMessage();
        }
        throw new AssertionError("expected a " + type.getSimpleName() + ", but a dataset was returned: " + returned);
    }
}
