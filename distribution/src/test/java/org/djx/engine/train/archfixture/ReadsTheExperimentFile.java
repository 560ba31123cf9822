package org.djx.engine.train.archfixture;

import org.djx.engine.experiment.ExperimentReader;

/** Breaks "computation never reads the file format": training code holding the experiment reader. */
public final class ReadsTheExperimentFile {
    public ExperimentReader reader;
}
