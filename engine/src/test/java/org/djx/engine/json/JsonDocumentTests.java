package org.djx.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonDocumentTests {

    private static JsonDocument parse(String json) {
        return JsonDocument.parse("test.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static Problem onlyProblem(String json) {
        return onlyProblem(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Problem onlyProblem(byte[] bytes) {
        InvalidDocumentException e = catchThrowableOfType(InvalidDocumentException.class,
                () -> JsonDocument.parse("test.json", bytes));
        assertThat(e).as("the document should have been rejected").isNotNull();
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).file()).isEqualTo("test.json");
        return e.problems().get(0);
    }

    @Test
    void rejectsDuplicateKeysWithTheirLineAndColumn() {
        String json = """
                {
                  "seed": 1,
                  "seed": 2
                }
                """;

        Problem p = onlyProblem(json);

        assertThat(p.message()).contains("duplicate key 'seed'");
        assertThat(p.location()).isNotNull();
        assertThat(p.location().line()).isEqualTo(3);
        // Jackson places it at or just after the second key: between its opening quote (3) and the colon (9).
        assertThat(p.location().column()).isBetween(3, 9);
    }

    @Test
    void rejectsDuplicateKeysInNestedObjectsToo() {
        Problem p = onlyProblem("{\"model\": {\"inputs\": 2, \"layers\": [], \"inputs\": 3}}");

        assertThat(p.message()).contains("duplicate key 'inputs'");
    }

    @Test
    void theStrictFactoryHasDuplicateDetectionOnAndLenientReadFeaturesOff() {
        JsonFactory f = JsonDocument.strictFactory();

        assertThat(f.isEnabled(StreamReadFeature.STRICT_DUPLICATE_DETECTION)).isTrue();
        assertThat(f.isEnabled(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature())).isFalse();
        assertThat(f.isEnabled(JsonReadFeature.ALLOW_JAVA_COMMENTS.mappedFeature())).isFalse();
        assertThat(f.isEnabled(JsonReadFeature.ALLOW_YAML_COMMENTS.mappedFeature())).isFalse();
        assertThat(f.isEnabled(JsonReadFeature.ALLOW_SINGLE_QUOTES.mappedFeature())).isFalse();
        assertThat(f.isEnabled(JsonReadFeature.ALLOW_TRAILING_COMMA.mappedFeature())).isFalse();
        assertThat(f.isEnabled(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES.mappedFeature())).isFalse();
        assertThat(f.isEnabled(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS.mappedFeature())).isFalse();
        assertThat(f.isEnabled(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)).isFalse();
        // One more level than allowed: the builder refuses the deepest level itself, where it opens.
        assertThat(f.streamReadConstraints().getMaxNestingDepth()).isEqualTo(JsonDocument.MAX_DEPTH + 1);
        assertThat(f.streamReadConstraints().getMaxNumberLength()).isEqualTo(JsonDocument.MAX_NUMBER_LENGTH);
        assertThat(f.streamReadConstraints().getMaxStringLength()).isEqualTo(JsonDocument.MAX_STRING_LENGTH);
        assertThat(f.streamReadConstraints().getMaxDocumentLength()).isEqualTo(JsonDocument.MAX_DOCUMENT_BYTES);
    }

    @Test
    void rejectsASecondDocumentAfterTheFirst() {
        Problem p = onlyProblem("{\"a\": 1}\n{\"b\": 2}");

        assertThat(p.message()).contains("unexpected content after the end of the JSON document");
        assertThat(p.location()).isEqualTo(new Location(2, 1));
    }

    @Test
    void rejectsAScalarAfterTheDocument() {
        Problem p = onlyProblem("{\"a\": 1} 5");

        assertThat(p.message()).contains("unexpected content after the end");
        assertThat(p.location()).isEqualTo(new Location(1, 10));
    }

    @Test
    void rejectsGarbageAndStrayClosersAfterTheDocument() {
        assertThat(onlyProblem("{\"a\": 1} x").location()).isEqualTo(new Location(1, 10));
        assertThat(onlyProblem("{\"a\": 1}}").location()).isEqualTo(new Location(1, 9));
    }

    @Test
    void rejectsNaNAndInfinityLiterals() {
        assertThat(onlyProblem("{\"lr\": NaN}").message()).contains("'NaN'");
        assertThat(onlyProblem("{\"lr\": Infinity}").message()).contains("'Infinity'");
        assertThat(onlyProblem("{\"lr\": -Infinity}").message()).contains("'-Infinity'");
        assertThat(onlyProblem("{\"lr\": NaN}").location().line()).isEqualTo(1);
    }

    @Test
    void rejectsANumberTooLargeForADoubleAtItsPath() {
        String json = """
                {
                  "optimizer": {"lr": 1e400}
                }
                """;

        Problem p = onlyProblem(json);

        assertThat(p.path()).isEqualTo("$.optimizer.lr");
        assertThat(p.location()).isEqualTo(new Location(2, 23));
        assertThat(p.message()).contains("1e400").contains("too large");
        assertThat(onlyProblem("[-1e400]").path()).isEqualTo("$[0]");
    }

    @Test
    void acceptsNestingUpToMaxDepth() {
        int depth = JsonDocument.MAX_DEPTH;

        JsonDocument d = parse("[".repeat(depth) + "]".repeat(depth));

        assertThat(d.root().isArray()).isTrue();
    }

    @Test
    void rejectsNestingDeeperThanMaxDepth() {
        int depth = JsonDocument.MAX_DEPTH + 1;

        Problem arrays = onlyProblem("[".repeat(depth) + "]".repeat(depth));
        assertThat(arrays.message()).isEqualTo("this array is nested " + depth + " levels deep; objects and arrays may nest"
                + " at most " + JsonDocument.MAX_DEPTH + " levels");
        // The column is where the level too many opens, whatever follows it.
        assertThat(arrays.location()).isEqualTo(new Location(1, depth));
        Problem objects = onlyProblem("{\"a\":\n" + "{\"a\": ".repeat(depth - 1) + "1" + "}".repeat(depth));
        assertThat(objects.message()).startsWith("this object is nested " + depth + " levels deep");
        assertThat(objects.location()).isEqualTo(new Location(2, 1 + 6 * (depth - 2)));
        assertThat(onlyProblem("[".repeat(depth + 500) + "]".repeat(depth + 500)).location()).isEqualTo(new Location(1, depth));
    }

    @Test
    void acceptsANumberLiteralOfMaxNumberLength() {
        String digits = "1".repeat(JsonDocument.MAX_NUMBER_LENGTH);

        JsonDocument d = parse("{\"n\": " + digits + "}");

        assertThat(d.root().get("n").bigIntegerValue()).hasToString(digits);
    }

    @Test
    void rejectsANumberLiteralLongerThanMaxNumberLength() {
        int length = JsonDocument.MAX_NUMBER_LENGTH + 1;

        assertThat(onlyProblem("{\"n\": " + "1".repeat(length) + "}").message())
                .isEqualTo("invalid JSON: a number longer than " + JsonDocument.MAX_NUMBER_LENGTH + " digits, the most allowed");
        assertThat(onlyProblem("{\"n\": 0." + "1".repeat(length) + "}").message())
                .doesNotContain("StreamReadConstraints").contains("digits");
    }

    @Test
    void placesConstraintViolationsAtALineAndColumn() {
        String json = "{\n  \"n\": " + "1".repeat(JsonDocument.MAX_NUMBER_LENGTH + 1) + "\n}";

        assertThat(onlyProblem(json).location()).isNotNull();
        assertThat(onlyProblem(json).location().line()).isEqualTo(2);
    }

    @Test
    void rejectsAStringLongerThanMaxStringLength() {
        String json = "{\"s\": \"" + "x".repeat(JsonDocument.MAX_STRING_LENGTH + 1) + "\"}";

        Problem p = onlyProblem(json);
        assertThat(p.message()).isEqualTo("a string longer than " + JsonDocument.MAX_STRING_LENGTH + " characters, the most allowed");
        // Far over the limit too: the parser gives up before the end, so no length is quoted at all.
        Problem far = onlyProblem("{\"s\": \"" + "x".repeat(2 * JsonDocument.MAX_STRING_LENGTH) + "\"}");
        assertThat(far.message()).isEqualTo(p.message());
        assertThat(far.location()).isEqualTo(new Location(1, 7));
        // Where the string starts, not where the parser gave up on it.
        assertThat(p.location()).isEqualTo(new Location(1, 7));
        assertThat(p.path()).isEqualTo("$.s");
    }

    @Test
    void rejectsInvalidUtf8Bytes() {
        byte[] lone = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'};
        byte[] truncated = {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, '(', '"', '}'};

        Problem p = onlyProblem(lone);
        assertThat(p.message()).contains("is not valid UTF-8").contains("byte 0xFF at byte offset 6");
        assertThat(p.location()).isEqualTo(new Location(1, 7));
        assertThat(onlyProblem(truncated).message()).contains("is not valid UTF-8").contains("byte 0xC3");
    }

    @Test
    void rejectsUtf16InsteadOfGuessingTheEncoding() {
        byte[] utf16 = "{\"a\": 1}".getBytes(StandardCharsets.UTF_16);

        assertThat(onlyProblem(utf16).message()).contains("is not valid UTF-8").contains("save the file as UTF-8");
    }

    @Test
    void acceptsAUtf8ByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '"', 'a', '"', ':', '1', '}'};

        assertThat(JsonDocument.parse("bom.json", bom).root().get("a").intValue()).isEqualTo(1);
    }

    @Test
    void rejectsANumberThatWouldUnderflowToZero() {
        assertThat(onlyProblem("{\"lr\": 1e-400}").message()).contains("1e-400").contains("too small");
        assertThat(JsonDocument.parse("zero.json", "{\"a\": 0.0e-400}".getBytes(StandardCharsets.UTF_8))
                .root().get("a").doubleValue()).isZero();
    }

    @Test
    void decodesValidUtf8() {
        JsonDocument d = JsonDocument.parse("t.json", "{\"name\": \"Größe ∑\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(d.root().get("name").textValue()).isEqualTo("Größe ∑");
    }

    @Test
    void rejectsAnEmptyOrBlankFile() {
        assertThat(onlyProblem("").message()).contains("the file is empty");
        assertThat(onlyProblem(" \n\t ").message()).contains("the file is empty");
        assertThat(onlyProblem("").location()).isNull();
    }

    @Test
    void rejectsNonStandardSyntax() {
        assertThat(onlyProblem("{\"a\": 1,}").location()).isEqualTo(new Location(1, 9));
        assertThat(onlyProblem("[1, 2,]").location()).isEqualTo(new Location(1, 7));
        assertThat(onlyProblem("{'a': 1}").location()).isEqualTo(new Location(1, 2));
        assertThat(onlyProblem("{/* c */ \"a\": 1}").location()).isEqualTo(new Location(1, 2));
        assertThat(onlyProblem("{\"a\": 01}").message()).contains("Leading zeroes");
    }

    @Test
    void readsAFileAndNamesItInProblems(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("exp.json");
        Files.writeString(file, "{\"a\": [1, 2]}");

        JsonDocument d = JsonDocument.read(file);

        assertThat(d.file()).isEqualTo(file.toString());
        assertThat(d.root().get("a").get(1).intValue()).isEqualTo(2);
    }

    @Test
    void reportsAMissingFileAsAProblem(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");

        assertThatThrownBy(() -> JsonDocument.read(missing))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void reportsAnEmptyFileOnDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("empty.json");
        Files.write(file, new byte[0]);

        assertThatThrownBy(() -> JsonDocument.read(file))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("the file is empty");
    }

    @Test
    void locatesNestedValuesByPath() {
        String json = """
                {
                  "task": "forward",
                  "model": {
                    "inputs": 2,
                    "layers": [
                      {"type": "linear", "outputs": 3},
                      { "type":   "sigmoid" }
                    ]
                  }
                }
                """;
        JsonDocument d = parse(json);

        // Columns counted by hand from the text above: each value starts at its first character.
        assertThat(d.locate("$")).isEqualTo(new Location(1, 1));
        assertThat(d.locate("$.task")).isEqualTo(new Location(2, 11));
        assertThat(d.locate("$.model")).isEqualTo(new Location(3, 12));
        assertThat(d.locate("$.model.inputs")).isEqualTo(new Location(4, 15));
        assertThat(d.locate("$.model.layers")).isEqualTo(new Location(5, 15));
        assertThat(d.locate("$.model.layers[0]")).isEqualTo(new Location(6, 7));
        assertThat(d.locate("$.model.layers[0].outputs")).isEqualTo(new Location(6, 37));
        assertThat(d.locate("$.model.layers[1]")).isEqualTo(new Location(7, 7));
        assertThat(d.locate("$.model.layers[1].type")).isEqualTo(new Location(7, 19));
    }

    @Test
    void locatesAMissingPathAtItsNearestEnclosingValue() {
        JsonDocument d = parse("{\n  \"model\": {\n    \"layers\": [{}]\n  }\n}");

        assertThat(d.locate("$.model.layers[0].type")).isEqualTo(new Location(3, 16));
        assertThat(d.locate("$.model.layers[3]")).isEqualTo(new Location(3, 15));
        assertThat(d.locate("$.training.epochs")).isEqualTo(new Location(1, 1));
    }

    @Test
    void locatesValuesUnderOddlyNamedKeys() {
        JsonDocument d = parse("{\"a b\": {\"it's\": 1}}");

        assertThat(d.locate("$['a b']")).isEqualTo(new Location(1, 9));
        assertThat(d.locate("$['a b']['it\\'s']")).isEqualTo(new Location(1, 18));
    }

    @Test
    void problemCarriesFilePathLocationAndMessage() {
        JsonDocument d = parse("{\n  \"seed\": -1\n}");

        Problem p = d.problem("$.seed", "seed must be >= 0");

        assertThat(p).hasToString("test.json:2:11: at $.seed: seed must be >= 0");
    }

    @Test
    void childUsesDotsForSimpleKeysAndQuotedBracketsForOthers() {
        assertThat(JsonDocument.child("$", "model")).isEqualTo("$.model");
        assertThat(JsonDocument.child("$.training", "batch-size")).isEqualTo("$.training.batch-size");
        assertThat(JsonDocument.child("$", "_x9")).isEqualTo("$._x9");
        assertThat(JsonDocument.child("$", "a b")).isEqualTo("$['a b']");
        assertThat(JsonDocument.child("$", "a.b")).isEqualTo("$['a.b']");
        assertThat(JsonDocument.child("$", "9lives")).isEqualTo("$['9lives']");
        assertThat(JsonDocument.child("$", "-x")).isEqualTo("$['-x']");
        assertThat(JsonDocument.child("$", "")).isEqualTo("$['']");
        assertThat(JsonDocument.child("$", "it's")).isEqualTo("$['it\\'s']");
        assertThat(JsonDocument.child("$", "back\\slash")).isEqualTo("$['back\\\\slash']");
        assertThat(JsonDocument.child("$", "x[0]")).isEqualTo("$['x[0]']");
    }

    @Test
    void elementAppendsTheIndexInBrackets() {
        assertThat(JsonDocument.element("$.model.layers", 3)).isEqualTo("$.model.layers[3]");
    }

    @Test
    void severalProblemsAreListedOneALineAfterACount() {
        Problem a = new Problem("f.json", new Location(1, 2), "$.a", "first");
        Problem b = new Problem("f.json", null, null, "second");

        InvalidDocumentException e = new InvalidDocumentException(java.util.List.of(a, b));

        assertThat(e.getMessage()).isEqualTo("f.json: 2 problems" + System.lineSeparator()
                + "  f.json:1:2: at $.a: first" + System.lineSeparator() + "  f.json: second");
        assertThat(e.isUserError()).isTrue();
    }

    @Test
    void anEndlessDeviceIsReadOnlyUpToTheLimit() {
        // /dev/zero reports a size of 0 and never ends: reading it whole would fill the heap.
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(zero), "no /dev/zero on this system");

        InvalidDocumentException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidDocumentException.class,
                () -> JsonDocument.read(zero));

        assertThat(e.getMessage()).isEqualTo("/dev/zero: the file is larger than 16 MiB, the most an experiment file may be");
    }
}
