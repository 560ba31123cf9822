package org.djx.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.djx.api.ConfigurationException;
import org.djx.engine.experiment.ExperimentSchema;
import org.djx.engine.io.IoReasons;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code djx schema}: the JSON Schema of experiment files for the installed plugins. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Prints the JSON Schema (draft 2020-12) of experiment files, generated from the installed plugins.")
final class SchemaCommand implements Callable<Integer> {
    @ParentCommand
    private Main main;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the schema to FILE instead of printing it.")
    private Path out;

    @Override
    public Integer call() throws JsonProcessingException {
        String schema = new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(ExperimentSchema.generate(main.registry(), main.tasks())) + System.lineSeparator();
        if (out == null) {
            main.spec().commandLine().getOut().print(schema);
            return 0;
        }
        Path absolute = out.toAbsolutePath();
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".part");
        try {
            Files.writeString(temporary, schema, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the first failure is the one to report
            }
            throw new ConfigurationException("cannot write the schema to " + out + ": " + IoReasons.of(e, out));
        }
        main.spec().commandLine().getOut().println("wrote " + out);
        return 0;
    }
}
