package org.djx.plugins.csv;

import java.util.Arrays;

/** What the target column holds: a number to predict, or the name of a class. */
enum Problem {
    REGRESSION("regression"),
    CLASSIFICATION("classification");

    private final String configName;

    Problem(String configName) {
        this.configName = configName;
    }

    /** Returns the name the experiment writes. */
    String configName() {
        return configName;
    }

    /** Returns every name the experiment may write, in declaration order. */
    static String[] configNames() {
        return Arrays.stream(values()).map(Problem::configName).toArray(String[]::new);
    }

    /** Returns the problem an experiment names; the configuration's declared choices have checked the name. */
    static Problem named(String configName) {
        for (Problem problem : values()) {
            if (problem.configName.equals(configName)) {
                return problem;
            }
        }
        throw new IllegalArgumentException("no problem '" + configName + "'");
    }
}
