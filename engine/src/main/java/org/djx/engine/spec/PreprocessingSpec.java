package org.djx.engine.spec;

import java.util.List;
import java.util.Objects;

/**
 * The {@code preprocessing} section: how raw table columns become a numeric feature matrix, and how the
 * target is transformed for training.
 *
 * @param fitOn  which rows the statistics (means, deviations, medians, skews, categories) are fitted on
 * @param steps  the steps, applied in order
 * @param target how the target is transformed for training; predictions are transformed back
 */
public record PreprocessingSpec(FitOn fitOn, List<Step> steps, TargetTransform target) {
    public PreprocessingSpec {
        Objects.requireNonNull(fitOn, "fitOn");
        steps = List.copyOf(steps);
        Objects.requireNonNull(target, "target");
    }

    /** The same steps with the target as it is. */
    public PreprocessingSpec(FitOn fitOn, List<Step> steps) {
        this(fitOn, steps, TargetTransform.NONE);
    }

    /** Which rows the feature statistics are fitted on. */
    public enum FitOn {
        /** The training and the test rows together, as D2L does. */
        TRAIN_AND_TEST("train-and-test"),
        /** Every training row. */
        TRAIN("train"),
        /** In k-fold, each fold's training rows, so that nothing of its validation rows is seen; else every training row. */
        TRAIN_FOLD("train-fold");

        private final String label;

        FitOn(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static FitOn byLabel(String label) {
            for (FitOn f : values()) {
                if (f.label.equals(label)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("no fit-on '" + label + "'");
        }
    }

    /** How the target is transformed before training: first the logarithm, then standardization, each if asked. */
    public enum TargetTransform {
        NONE("none", false, false),
        LOG("log", true, false),
        STANDARDIZE("standardize", false, true),
        LOG_STANDARDIZE("log-standardize", true, true);

        private final String label;
        private final boolean log;
        private final boolean standardize;

        TargetTransform(String label, boolean log, boolean standardize) {
            this.label = label;
            this.log = log;
            this.standardize = standardize;
        }

        public String label() {
            return label;
        }

        public boolean log() {
            return log;
        }

        public boolean standardize() {
            return standardize;
        }

        public static TargetTransform byLabel(String label) {
            for (TargetTransform t : values()) {
                if (t.label.equals(label)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("no target transform '" + label + "'");
        }
    }

    /** One preprocessing step. */
    public sealed interface Step permits Standardize, FillMissing, OneHot, Log1p {
    }

    /** Numeric columns become (x - mean) / std, with the sample standard deviation (pandas' default). */
    public record Standardize() implements Step {
    }

    /** What replaces a missing number. */
    public enum Fill {
        /** A given value. */
        VALUE("value"),
        /** The column's mean over the fitted rows. */
        MEAN("mean"),
        /** The column's median over the fitted rows. */
        MEDIAN("median");

        private final String label;

        Fill(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Fill byLabel(String label) {
            for (Fill f : values()) {
                if (f.label.equals(label)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("no fill '" + label + "'");
        }
    }

    /**
     * Missing numeric values become {@code value}, or the column's mean or median.
     *
     * @param value the value for {@link Fill#VALUE}; ignored otherwise
     */
    public record FillMissing(Fill with, double value) implements Step {
        public FillMissing {
            Objects.requireNonNull(with, "with");
        }

        /** Fills with a given value. */
        public FillMissing(double value) {
            this(Fill.VALUE, value);
        }
    }

    /**
     * Text columns become one indicator column per category, sorted, as pandas' get_dummies makes them.
     *
     * @param dummyNa whether a missing value gets an indicator column of its own ({@code COLUMN_nan})
     */
    public record OneHot(boolean dummyNa) implements Step {
    }

    /**
     * Numeric columns whose skew (pandas' adjusted Fisher-Pearson coefficient) over the fitted rows exceeds
     * {@code minSkew} in magnitude become log(1 + x).
     */
    public record Log1p(double minSkew) implements Step {
    }
}
