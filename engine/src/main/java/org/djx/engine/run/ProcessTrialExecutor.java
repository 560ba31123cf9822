package org.djx.engine.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.djx.engine.io.IoReasons;
import org.djx.engine.sweep.TrialCodec;
import org.djx.engine.sweep.TrialExecutor;
import org.djx.engine.sweep.TrialOutcome;
import org.djx.engine.sweep.TrialRequest;

/**
 * Runs each run of a sweep in a process of its own: {@code command} (such as {@code djx trial}) reads the request
 * on its standard input and writes the outcome on its standard output. The boundary a cluster's executor uses:
 * nothing but the request's text crosses it, so the outcome is the one this JVM would compute, bit for bit.
 */
public final class ProcessTrialExecutor implements TrialExecutor {
    private final List<String> command;
    private final Map<String, String> environment;

    /** Runs {@code command} with this process's environment plus {@code environment}. */
    public ProcessTrialExecutor(List<String> command, Map<String, String> environment) {
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
    }

    @Override
    public TrialOutcome run(TrialRequest request) {
        long start = System.nanoTime();
        Path errors = null;
        try {
            errors = Files.createTempFile("djx-trial", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(TrialCodec.write(request).getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                return failed("the trial process " + String.join(" ", command) + " exited with " + exit + ": "
                        + Files.readString(errors, StandardCharsets.UTF_8).strip(), start);
            }
            return TrialCodec.readOutcome(out);
        } catch (IOException e) {
            return failed("cannot run " + String.join(" ", command) + ": " + IoReasons.of(e), start);
        } catch (IllegalArgumentException e) {
            return failed("the trial process " + String.join(" ", command) + " wrote no outcome: " + e.getMessage(), start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted while waiting for the trial process", start);
        } finally {
            if (errors != null) {
                try {
                    Files.deleteIfExists(errors);
                } catch (IOException ignored) {
                    // a temporary file left behind is not worth failing the run for
                }
            }
        }
    }

    private static TrialOutcome failed(String why, long start) {
        return new TrialOutcome(TrialOutcome.Status.FAILED, Map.of(), why, (System.nanoTime() - start) / 1e9);
    }
}
