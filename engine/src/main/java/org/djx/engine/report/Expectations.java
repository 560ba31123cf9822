package org.djx.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.djx.engine.report.Expectation;

/** Checks a run's results against the bands its experiment declares. */
public final class Expectations {
    /**
     * How one expectation fared.
     *
     * @param value the result, or NaN when the run did not produce it
     * @param line  the verdict as printed
     */
    public record Outcome(Expectation expectation, double value, boolean held, String line) {
    }

    private Expectations() {
    }

    /**
     * Returns one outcome per expectation. An expectation naming a result the run did not produce is
     * broken, and its line lists the results there are.
     */
    public static List<Outcome> evaluate(List<Expectation> expectations, Map<String, Double> metrics) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Expectation e : expectations) {
            Double value = metrics.get(e.metric());
            String head = "expectation " + e.metric() + " " + e.band() + ": ";
            if (value == null) {
                outcomes.add(new Outcome(e, Double.NaN, false, head + "BROKEN, the run has no result '" + e.metric()
                        + "' (" + e.path() + "); it has: " + String.join(", ", new TreeSet<>(metrics.keySet()))));
            } else if (e.holds(value)) {
                outcomes.add(new Outcome(e, value, true, head + "held (" + Format.number(value) + ")"));
            } else {
                outcomes.add(new Outcome(e, value, false, head + "BROKEN (" + Format.number(value) + ")"));
            }
        }
        return outcomes;
    }
}
