package org.djx.engine.cli;

import java.io.PrintWriter;
import org.djx.api.DjxException;
import org.djx.engine.run.DatasetCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.djx.engine.report.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code djx validate FILE...}: reports every problem of every file without running anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks experiment files without running them and reports every problem found.")
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Experiment files (.json).")
    private List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = main.spec().commandLine().getOut();
        PrintWriter err = main.spec().commandLine().getErr();
        List<ExperimentFiles.Checked> checked = ExperimentFiles.check(files, main.reader());
        // After reading, which creates the dropped-in plugins the files need, so that their problems are among these.
        main.warnAboutPluginProblems(err);
        int invalid = 0;
        for (ExperimentFiles.Checked c : checked) {
            String dataNote = null;
            if (c.error() == null) {
                try {
                    dataNote = DatasetCheck.check(c.experiment(), main.dataHubOfCreatedPlugins());
                } catch (DjxException e) {
                    err.println(c.file() + ": the dataset cannot be read: " + e.getMessage());
                    invalid++;
                    continue;
                }
            }
            if (c.error() == null) {
                var sweep = c.experiment().sweep();
                out.println(c.file() + ": valid (task " + c.experiment().task().name()
                        + (c.experiment().model() == null ? "" : ", " + Format.count(c.experiment().model().layers().size(), "layer"))
                        + (sweep == null ? "" : "; a sweep of " + Format.count(sweep.points().size(), "trial")
                                + (sweep.spec().repeats() > 1 ? " x " + sweep.spec().repeats() + " seeds" : "")
                                + ", every one valid") + ")" + (dataNote == null ? "" : "; its data was not checked: " + dataNote));
            } else {
                err.println(c.error().getMessage());
                invalid++;
            }
        }
        return invalid == 0 ? 0 : Main.USER_ERROR;
    }
}
