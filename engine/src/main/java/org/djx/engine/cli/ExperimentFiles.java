package org.djx.engine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.djx.api.DjxException;
import org.djx.engine.experiment.Experiment;
import org.djx.engine.experiment.ExperimentReader;

/** Reads and checks experiment files the same way for every command. */
final class ExperimentFiles {
    private ExperimentFiles() {
    }

    /** A file with either its checked experiment or the error that stopped it. */
    record Checked(Path file, Experiment experiment, DjxException error) {
    }

    /** Reads and checks each file, and keeps the outcome per file. */
    static List<Checked> check(List<Path> files, ExperimentReader reader) {
        List<Checked> checked = new ArrayList<>();
        for (Path file : files) {
            try {
                Experiment experiment = reader.read(file);
                checked.add(new Checked(file, experiment, null));
            } catch (DjxException e) {
                if (!e.isUserError()) {
                    throw e;
                }
                checked.add(new Checked(file, null, e));
            }
        }
        return checked;
    }
}
