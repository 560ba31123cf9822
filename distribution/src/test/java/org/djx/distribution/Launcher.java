package org.djx.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code ./djx} script in a separate JVM, as a user would, and captures what it prints. */
final class Launcher {
    /** The checkout's root: tests run with the distribution module as working directory. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    record Result(int exitCode, String out, String err) {
    }

    private Launcher() {
    }

    static Result djx(String... args) throws IOException, InterruptedException {
        return djx(Map.of(), args);
    }

    static Result djx(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return script(ROOT.resolve("djx"), environment, args);
    }

    /** Runs a copy of the launcher script, such as one placed in a temporary checkout. */
    static Result script(Path script, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("djx-out", ".txt");
        Path err = Files.createTempFile("djx-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().remove("DJX_PLUGIN_PATH");
            builder.environment().putAll(environment);
            Process process = builder.start();
            // A guard against a hang, not a benchmark: the house-price sweep takes a minute on two idle cores.
            if (!process.waitFor(600, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("djx " + String.join(" ", args) + " did not finish within 600 s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
