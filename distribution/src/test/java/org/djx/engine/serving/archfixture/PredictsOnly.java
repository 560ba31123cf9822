package org.djx.engine.serving.archfixture;

import org.djx.engine.serving.Predictions;

/** Keeps rule 12: serving code that uses what serves. */
public final class PredictsOnly {
    public Predictions predictions = Predictions.ofValues(new double[] {1});
}
