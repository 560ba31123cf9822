package org.djx.engine.run.archfixture;

import org.djx.engine.tasks.KFoldTask;

/** Breaks "only the launcher names tasks": the runner naming a task instead of asking the registry. */
public final class NamesATask {
    public KFoldTask task = new KFoldTask();
}
