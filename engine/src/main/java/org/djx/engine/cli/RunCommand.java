package org.djx.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.djx.engine.experiment.ExperimentReader;
import org.djx.engine.run.ExperimentRunner;
import org.djx.engine.tensor.CpuKernels;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code djx run FILE...}: checks every file first, then runs them in order. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs experiment files. All files are checked before the first one runs.")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Experiment files (.json).")
    private List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = main.spec().commandLine().getOut();
        PrintWriter err = main.spec().commandLine().getErr();
        ExperimentRunner runner = new ExperimentRunner(new CpuKernels(), out::println);
        List<ExperimentFiles.Checked> checked = ExperimentFiles.check(files, new ExperimentReader(main.registry()), runner);
        boolean invalid = false;
        for (ExperimentFiles.Checked c : checked) {
            if (c.error() != null) {
                err.println(c.error().getMessage());
                invalid = true;
            }
        }
        if (invalid) {
            return Main.USER_ERROR;
        }
        for (ExperimentFiles.Checked c : checked) {
            runner.run(c.experiment());
        }
        return 0;
    }
}
