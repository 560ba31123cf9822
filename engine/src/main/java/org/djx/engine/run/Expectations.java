package org.djx.engine.run;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.djx.engine.experiment.Expectation;

/** Checks a run's results against the bands its experiment declares, and reports each as held or broken. */
public final class Expectations {
    private Expectations() {
    }

    /**
     * Prints one line per expectation and returns whether every one held. An expectation naming a result
     * the run did not produce is broken, and its line lists the results there are.
     */
    public static boolean check(List<Expectation> expectations, RunResult result, RunOutput out) {
        boolean all = true;
        Map<String, Double> metrics = result.metrics();
        for (Expectation e : expectations) {
            Double value = metrics.get(e.metric());
            if (value == null) {
                out.line("expectation " + e.metric() + " " + e.band() + ": BROKEN, the run has no result '" + e.metric()
                        + "' (" + e.path() + "); it has: " + String.join(", ", new TreeSet<>(metrics.keySet())));
                all = false;
            } else if (e.holds(value)) {
                out.line("expectation " + e.metric() + " " + e.band() + ": held (" + Format.number(value) + ")");
            } else {
                out.line("expectation " + e.metric() + " " + e.band() + ": BROKEN (" + Format.number(value) + ")");
                all = false;
            }
        }
        return all;
    }
}
