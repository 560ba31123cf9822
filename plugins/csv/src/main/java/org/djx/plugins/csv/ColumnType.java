package org.djx.plugins.csv;

import java.util.Arrays;

/** The type an experiment declares for a column in the {@code csv} source's {@code columns}, over the inferred one. */
enum ColumnType {
    /** Every cell is a decimal number or missing; anything else is an error at that cell. */
    NUMERIC("numeric"),
    /** Text, each cell as written, even where every cell is a number ("3" stays "3"). */
    CATEGORICAL("categorical"),
    /** Dropped from the training and the test rows. */
    IGNORE("ignore");

    private final String configName;

    ColumnType(String configName) {
        this.configName = configName;
    }

    /** Returns the name the experiment writes. */
    String configName() {
        return configName;
    }

    /** Returns every name the experiment may write, in declaration order. */
    static String[] configNames() {
        return Arrays.stream(values()).map(ColumnType::configName).toArray(String[]::new);
    }

    /** Returns the type an experiment names; the configuration's declared choices have checked the name. */
    static ColumnType named(String configName) {
        for (ColumnType type : values()) {
            if (type.configName.equals(configName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("no column type '" + configName + "'");
    }
}
