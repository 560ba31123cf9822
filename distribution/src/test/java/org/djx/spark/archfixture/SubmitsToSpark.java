package org.djx.spark.archfixture;

import org.apache.spark.archfixture.StandInSparkContext;

/** Keeps rule 13: the Spark executor's module names Spark. */
public final class SubmitsToSpark {
    public void stop(StandInSparkContext spark) {
        spark.stop();
    }
}
