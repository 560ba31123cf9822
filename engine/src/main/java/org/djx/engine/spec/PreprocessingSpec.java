package org.djx.engine.spec;

import java.util.List;

/**
 * The {@code preprocessing} section: how raw table columns become a numeric feature matrix.
 *
 * @param fitOnTest whether statistics (means, deviations, categories) are fitted on the training and
 *                  test rows together, as D2L does, or on the training rows alone
 * @param steps     the steps, applied in order
 */
public record PreprocessingSpec(boolean fitOnTest, List<Step> steps) {
    public PreprocessingSpec {
        steps = List.copyOf(steps);
    }

    /** One preprocessing step. */
    public sealed interface Step permits Standardize, FillMissing, OneHot {
    }

    /** Numeric columns become (x - mean) / std, with the sample standard deviation (pandas' default). */
    public record Standardize() implements Step {
    }

    /** Missing numeric values become {@code value}. */
    public record FillMissing(double value) implements Step {
    }

    /**
     * Text columns become one indicator column per category, sorted, as pandas' get_dummies makes them.
     *
     * @param dummyNa whether a missing value gets an indicator column of its own ({@code COLUMN_nan})
     */
    public record OneHot(boolean dummyNa) implements Step {
    }
}
