package org.djx.api.data;

import org.djx.api.Stability;
import java.util.Objects;

/**
 * Which values of a dataset's target are valid, in words a message can quote: predictions outside
 * the rule are refused rather than written to a submission. A class with factories rather than an
 * enum or a record, so that rules can be added without breaking callers.
 *
 * @since 0.2
 */
@Stability(Stability.Status.EXPERIMENTAL)
public final class TargetRule {
    private static final TargetRule ANY_FINITE = new TargetRule(false, "a target must be a finite number");

    private final boolean positive;
    private final String description;

    private TargetRule(boolean positive, String description) {
        this.positive = positive;
        this.description = description;
    }

    /** Returns the rule that any finite number is a valid target: no NaN, no infinity. */
    public static TargetRule anyFinite() {
        return ANY_FINITE;
    }

    /**
     * Returns the rule that a target is finite and greater than zero, such as a price.
     *
     * @param why why the target must be positive, for messages, such as {@code a sale price is positive}
     */
    public static TargetRule positive(String why) {
        Objects.requireNonNull(why, "why");
        if (why.isBlank()) {
            throw new IllegalArgumentException("say why a target must be positive, such as 'a sale price is positive'");
        }
        return new TargetRule(true, "a target must be finite and positive (" + why + ")");
    }

    /**
     * Returns whether the rule asks for a positive target beyond a finite one: what a saved model records, so that its
     * predictions are held to the rule its training data was.
     */
    public boolean requiresPositive() {
        return positive;
    }

    /** Returns whether {@code value} is a valid target. */
    public boolean accepts(double value) {
        return Double.isFinite(value) && (!positive || value > 0);
    }

    /**
     * Returns the rule as a clause a message can end with, such as
     * {@code a target must be finite and positive (a sale price is positive)}.
     */
    public String describe() {
        return description;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetRule r && positive == r.positive && description.equals(r.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(positive, description);
    }

    @Override
    public String toString() {
        return "TargetRule[" + description + "]";
    }
}
