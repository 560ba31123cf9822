package org.apache.spark.archfixture;

/** Stands for a Spark class in the architecture rules' fixtures: the rule goes by package, and Spark is not here. */
public final class StandInSparkContext {
    public void stop() {
    }
}
