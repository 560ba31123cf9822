package org.djx.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.djx.engine.run.LocalTrialExecutor;
import org.djx.engine.sweep.TrialCodec;
import org.djx.engine.sweep.TrialOutcome;
import org.djx.engine.sweep.TrialRequest;
import org.djx.engine.tensor.CpuKernels;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code djx trial}: runs one run of a sweep in this process, for an executor that runs them elsewhere. Reads a
 * request (JSON) from standard input and writes its outcome (JSON) to standard output; a run that fails is an
 * outcome too, so the exit code is 0 unless the request itself cannot be read.
 */
@Command(name = "trial", hidden = true, mixinStandardHelpOptions = true,
        description = "Runs one trial of a sweep: a request (JSON) on standard input, its outcome (JSON) on standard output.")
final class TrialCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = main.spec().commandLine().getOut();
        PrintWriter err = main.spec().commandLine().getErr();
        TrialRequest request;
        try {
            request = TrialCodec.readRequest(new String(System.in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            err.println("djx trial: standard input is not a trial request: " + e.getMessage());
            return Main.USER_ERROR;
        }
        TrialOutcome outcome = new LocalTrialExecutor(main.reader(), CpuKernels::new, main.dataHubOfCreatedPlugins()).run(request);
        out.println(TrialCodec.write(outcome));
        out.flush();
        return 0;
    }
}
