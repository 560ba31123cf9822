package org.djx.engine.train.archfixture;

import org.djx.engine.spec.EpochLoss;
import org.djx.engine.spec.TrainerOptions;

/** Keeps the layering: training code that uses training code alone. */
public final class TrainsOnly {
    public TrainerOptions options = new TrainerOptions(1, 1, false, Double.NaN, EpochLoss.FULL_PASS);
}
