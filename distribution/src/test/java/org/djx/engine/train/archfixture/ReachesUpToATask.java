package org.djx.engine.train.archfixture;

import org.djx.engine.tasks.KFoldTask;

/** Breaks "computation never reads the file format nor reaches up": training code naming a task. */
public final class ReachesUpToATask {
    public KFoldTask task = new KFoldTask();
}
