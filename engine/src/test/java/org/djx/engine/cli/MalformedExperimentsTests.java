package org.djx.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in src/test/resources/malformed is a broken experiment; its .expected file holds the
 * line:column the error must name (or nothing, for a file-wide error) and then the phrases the
 * message must contain. Both 'validate' and 'run' must exit 2 with that message and no stack trace,
 * and 'run' must write nothing.
 */
class MalformedExperimentsTests {
    private static final Path FOLDER = Path.of("src", "test", "resources", "malformed");

    static Stream<String> files() throws IOException {
        try (Stream<Path> list = Files.list(FOLDER)) {
            List<String> names = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
            assertThat(names).hasSizeGreaterThanOrEqualTo(25);
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void exitsTwoNamingTheFileThePositionAndTheProblem(String name) throws IOException {
        Path file = FOLDER.resolve(name);
        List<String> expected = Files.readAllLines(FOLDER.resolve(name.replace(".json", ".expected")));
        String position = expected.get(0);
        Path runs = Files.createTempDirectory("djx-malformed");

        for (String command : List.of("validate", "run")) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = command.equals("run")
                    ? Main.execute(new String[] {"run", file.toString(), "--runs", runs.toString()}, new PrintWriter(out, true), new PrintWriter(err, true))
                    : Main.execute(new String[] {"validate", file.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));

            assertThat(code).as(command + ": " + err).isEqualTo(2);
            String message = err.toString();
            assertThat(message).as(command).contains(position.isEmpty() ? file + ": " : file + ":" + position)
                    .doesNotContain("\tat ").doesNotContain("Exception");
            for (String phrase : expected.subList(1, expected.size())) {
                assertThat(message).as(command).contains(phrase);
            }
        }
        try (Stream<Path> written = Files.list(runs)) {
            assertThat(written).as("run folders written for an invalid file").isEmpty();
        }
        Files.delete(runs);
    }
}
