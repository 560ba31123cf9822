package org.djx.engine.archfixture;

import org.apache.spark.archfixture.StandInSparkContext;

/** Breaks rule 13: engine code that names Spark. */
public final class StartsSpark {
    public void stop(StandInSparkContext spark) {
        spark.stop();
    }
}
