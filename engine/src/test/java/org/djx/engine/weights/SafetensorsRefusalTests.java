package org.djx.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.djx.engine.weights.HandMadeFiles.concat;
import static org.djx.engine.weights.HandMadeFiles.entry;
import static org.djx.engine.weights.HandMadeFiles.file;
import static org.djx.engine.weights.HandMadeFiles.floats;
import static org.djx.engine.weights.HandMadeFiles.lengthPrefix;
import static org.djx.engine.weights.HandMadeFiles.raw;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.djx.api.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a safetensors file can be malformed, in a hand-made file, with the message that names it. */
class SafetensorsRefusalTests {
    private static final String A = entry("a", "F32", "[2]", 0, 8);

    @TempDir
    Path folder;

    private Path path() {
        return folder.resolve("bad.safetensors");
    }

    /** Returns the reason of the refusal of {@code bytes}, after checking that the message starts with the file. */
    private String refusal(byte[] bytes) throws IOException {
        Files.write(path(), bytes);
        return reason(path());
    }

    private String refusal(String json, byte[] data) throws IOException {
        return refusal(file(json, data));
    }

    private static String reason(Path file) {
        DataException e = catchThrowableOfType(DataException.class, () -> Safetensors.read(file));
        assertThat(e).as("the file should have been refused").isNotNull();
        String prefix = "cannot read safetensors file " + file + ": ";
        assertThat(e.getMessage()).startsWith(prefix);
        return e.getMessage().substring(prefix.length());
    }

    @Test
    void refusesAFileShorterThanItsHeaderLength() throws IOException {
        assertThat(refusal(new byte[0])).isEqualTo("it is 0 bytes long, too short for the 8-byte header length that"
                + " starts every safetensors file; is it truncated, or not a safetensors file?");
        assertThat(refusal(new byte[] {8, 0, 0, 0, 0})).startsWith("it is 5 bytes long, too short");
    }

    @Test
    void refusesAHeaderLengthLongerThanTheFile() throws IOException {
        assertThat(refusal(concat(lengthPrefix(100), "{}      ".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("the header length is 100 bytes, more than the 8 bytes that follow it; is the file truncated?");
        assertThat(refusal(concat(lengthPrefix(-1), new byte[8])))
                .startsWith("the header length is 18446744073709551615 bytes, more than the 8 bytes");
    }

    @Test
    void refusesAHeaderLongerThan100MiBWithoutReadingIt() throws IOException {
        long length = (100L << 20) + 8;
        try (RandomAccessFile sparse = new RandomAccessFile(path().toFile(), "rw")) {
            sparse.write(lengthPrefix(length));
            sparse.setLength(8 + length + 8);
        }
        assertThat(reason(path())).isEqualTo("the header length is 104857608 bytes, more than the 104857600 (100 MiB)"
                + " djx reads");
    }

    @Test
    void refusesAHeaderThatIsNotUtf8() throws IOException {
        byte[] header = concat("{\"a".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC3, 0x28},
                "\":{}}   ".getBytes(StandardCharsets.US_ASCII));
        assertThat(refusal(raw(header, new byte[0]))).isEqualTo("the header is not valid UTF-8: byte 0xC3 at offset 3 of"
                + " the header cannot start or continue a character; headers are UTF-8 JSON");
    }

    @Test
    void refusesAHeaderThatIsNotOneJsonObjectPaddedWithSpaces() throws IOException {
        assertThat(refusal("[1, 2]", new byte[0])).isEqualTo("the header starts with byte 0x5B instead of '{'; a"
                + " safetensors header is one JSON object, padded at its end with spaces");
        assertThat(refusal(" {}", new byte[0])).startsWith("the header starts with byte 0x20 instead of '{'");
        assertThat(refusal(raw(new byte[0], new byte[0])))
                .isEqualTo("the header is empty; it must be a JSON object, {} for a file without tensors");
        assertThat(refusal(raw("        ".getBytes(StandardCharsets.US_ASCII), new byte[0])))
                .isEqualTo("the header is empty (8 spaces); it must be a JSON object, {} for a file without tensors");
        assertThat(refusal(raw("{}\n     ".getBytes(StandardCharsets.US_ASCII), new byte[0])))
                .isEqualTo("the header ends with byte 0x0A at offset 2 of the header instead of '}'; after its JSON"
                        + " object a header holds only spaces (0x20)");
        assertThat(refusal(raw(concat("{}".getBytes(StandardCharsets.US_ASCII), new byte[6]), new byte[0])))
                .startsWith("the header ends with byte 0x00 at offset 7 of the header instead of '}'");
        assertThat(refusal("{\"a\": }", new byte[0])).startsWith("the header is not valid JSON at line 1, column 7: ");
        assertThat(refusal("{}{}", new byte[0])).startsWith("the header is not valid JSON at line 1, column ")
                .contains("Trailing token");
        assertThat(refusal("{'a': {}}", new byte[0])).startsWith("the header is not valid JSON at line 1, column 2: ");
    }

    @Test
    void refusesDuplicateKeys() throws IOException {
        assertThat(refusal("{" + A + "," + A + "}", floats(1, 2)))
                .isEqualTo("the header is not valid JSON at line 1, column 58: duplicate key 'a'; each tensor name, and"
                        + " each key of an entry, appears once");
        assertThat(refusal("{\"a\":{\"dtype\":\"F32\",\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,8]}}", floats(1, 2)))
                .contains("duplicate key 'dtype'");
        assertThat(refusal("{\"__metadata__\":{},\"__metadata__\":{}}", new byte[0])).contains("duplicate key '__metadata__'");
        assertThat(refusal("{\"__metadata__\":{\"k\":\"1\",\"k\":\"2\"}}", new byte[0])).contains("duplicate key 'k'");
    }

    @Test
    void refusesEntriesWithoutExactlyDtypeShapeAndDataOffsets() throws IOException {
        String rule = "; each tensor entry has exactly the keys dtype, shape and data_offsets";
        assertThat(refusal("{\"a\":{\"shape\":[2],\"data_offsets\":[0,8]}}", floats(1, 2)))
                .isEqualTo("tensor 'a' has no dtype" + rule);
        assertThat(refusal("{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,8]}}", floats(1, 2)))
                .isEqualTo("tensor 'a' has no shape" + rule);
        assertThat(refusal("{\"a\":{\"dtype\":\"F32\",\"shape\":[2]}}", floats(1, 2)))
                .isEqualTo("tensor 'a' has no data_offsets" + rule);
        assertThat(refusal("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8],\"strides\":[1]}}", floats(1, 2)))
                .isEqualTo("tensor 'a' has an unknown key 'strides'" + rule);
        assertThat(refusal("{\"a\":[0,8]}", floats(1, 2))).isEqualTo("tensor 'a' is the array [0,8]" + rule);
        assertThat(refusal("{\"a\":null}", floats(1, 2))).isEqualTo("tensor 'a' is null" + rule);
    }

    @Test
    void refusesTypesOtherThanF32AndF64NamingTheTensorAndTheType() throws IOException {
        String advice = "; djx reads F32 and F64 only (in PyTorch, convert with tensor.float() or tensor.double() before"
                + " saving)";
        assertThat(refusal("{" + entry("encoder.weight", "BF16", "[2]", 0, 4) + "}", new byte[4]))
                .isEqualTo("tensor 'encoder.weight' has dtype 'BF16'" + advice);
        assertThat(refusal("{" + entry("a", "I64", "[1]", 0, 8) + "}", new byte[8])).isEqualTo("tensor 'a' has dtype 'I64'" + advice);
        assertThat(refusal("{" + entry("a", "f32", "[2]", 0, 8) + "}", new byte[8])).isEqualTo("tensor 'a' has dtype 'f32'" + advice);
        assertThat(refusal("{\"a\":{\"dtype\":32,\"shape\":[2],\"data_offsets\":[0,8]}}", new byte[8]))
                .isEqualTo("tensor 'a': dtype is the number 32; it must be a string, F32 or F64");
    }

    @Test
    void refusesShapesThatAreNotArraysOfWholeNonNegativeInts() throws IOException {
        String dims = "; dimensions are whole numbers from 0 to 2147483647";
        assertThat(refusal("{" + entry("a", "F32", "[2,-1]", 0, 0) + "}", new byte[0]))
                .isEqualTo("tensor 'a': shape[1] is the number -1" + dims);
        assertThat(refusal("{" + entry("a", "F32", "[2.0]", 0, 8) + "}", floats(1, 2)))
                .isEqualTo("tensor 'a': shape[0] is the number 2.0" + dims);
        assertThat(refusal("{" + entry("a", "F32", "[2e0]", 0, 8) + "}", floats(1, 2)))
                .isEqualTo("tensor 'a': shape[0] is the number 2.0" + dims);
        assertThat(refusal("{" + entry("a", "F32", "[\"2\"]", 0, 8) + "}", floats(1, 2)))
                .isEqualTo("tensor 'a': shape[0] is the string '2'" + dims);
        assertThat(refusal("{" + entry("a", "F32", "[0,2147483648]", 0, 0) + "}", new byte[0]))
                .isEqualTo("tensor 'a': shape[1] is the number 2147483648" + dims);
        assertThat(refusal("{" + entry("a", "F32", "2", 0, 8) + "}", floats(1, 2)))
                .isEqualTo("tensor 'a': shape is the number 2; it must be an array of dimensions such as [2, 3], or [] for a"
                        + " scalar");
    }

    @Test
    void refusesMoreElementsThanAJavaArrayHolds() throws IOException {
        assertThat(refusal("{" + entry("a", "F32", "[65536,65536]", 0, 8) + "}", floats(1, 2)))
                .isEqualTo("tensor 'a': shape [65536, 65536] has 4294967296 elements, more than the 2147483639 one djx"
                        + " tensor holds");
        assertThat(refusal("{" + entry("a", "F64", "[2147483640]", 0, 8) + "}", floats(1, 2)))
                .startsWith("tensor 'a': shape [2147483640] has 2147483640 elements, more than the 2147483639");
        // The reference counts in 64 bits and gives up on the overflow before it reaches the 0.
        assertThat(refusal("{" + entry("a", "F32", "[2147483647,2147483647,2147483647,0]", 0, 0) + "}", new byte[0]))
                .isEqualTo("tensor 'a': shape [2147483647, 2147483647, 2147483647, 0] overflows 64 bits before its last"
                        + " dimension; the reference implementation refuses it too");
        Files.write(path(), file("{" + entry("a", "F32", "[65536,65536,0]", 0, 0) + "}", new byte[0]));
        assertThat(Safetensors.read(path()).tensors().get("a").shape()).containsExactly(65536, 65536, 0);
    }

    @Test
    void refusesOffsetsThatAreNotTwoWholeNonNegativeNumbers() throws IOException {
        String offsets = "; offsets are whole numbers of bytes from 0 to the size of the data buffer, 8";
        assertThat(refusal("{" + entry("a", "F32", "[2]", -8, 0) + "}", floats(1, 2)))
                .isEqualTo("tensor 'a': data_offsets[0] is the number -8" + offsets);
        assertThat(refusal("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8.0]}}", floats(1, 2)))
                .isEqualTo("tensor 'a': data_offsets[1] is the number 8.0" + offsets);
        assertThat(refusal("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4,8]}}", floats(1, 2)))
                .isEqualTo("tensor 'a': data_offsets is the array [0,4,8]; it must be [begin, end], byte offsets into the"
                        + " data buffer");
        assertThat(refusal("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":\"0-8\"}}", floats(1, 2)))
                .startsWith("tensor 'a': data_offsets is the string '0-8'; it must be [begin, end]");
    }

    @Test
    void refusesOffsetsOutsideTheBufferOrEndingBeforeTheyBegin() throws IOException {
        assertThat(refusal("{" + entry("a", "F32", "[2]", 0, 8) + "}", floats(1)))
                .isEqualTo("tensor 'a': data_offsets [0, 8] reach past the end of the data buffer, which holds 4 bytes");
        assertThat(refusal("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,99999999999999999999999]}}",
                floats(1, 2))).isEqualTo("tensor 'a': data_offsets [0, 99999999999999999999999] reach past the end of the"
                        + " data buffer, which holds 8 bytes");
        assertThat(refusal("{" + entry("a", "F32", "[2]", 8, 0) + "}", floats(1, 2)))
                .isEqualTo("tensor 'a': data_offsets [8, 0] end before they begin; they are [begin, end] with begin <= end");
    }

    @Test
    void refusesAByteRangeThatDisagreesWithShapeAndType() throws IOException {
        assertThat(refusal("{" + entry("a", "F64", "[2]", 0, 8) + "}", floats(1, 2)))
                .isEqualTo("tensor 'a': data_offsets [0, 8] span 8 bytes, but shape [2] of F64 takes 16 bytes (2 x 8)");
        assertThat(refusal("{" + entry("a", "F32", "[]", 0, 8) + "}", floats(1, 2)))
                .isEqualTo("tensor 'a': data_offsets [0, 8] span 8 bytes, but shape [] of F32 takes 4 bytes (1 x 4)");
    }

    @Test
    void refusesOverlapsGapsAndBytesLeftOver() throws IOException {
        assertThat(refusal("{" + entry("a", "F32", "[2]", 0, 8) + "," + entry("b", "F32", "[2]", 4, 12) + "}", floats(1, 2, 3)))
                .isEqualTo("tensor 'a' [0, 8] and tensor 'b' [4, 12] overlap; each byte of the data buffer belongs to"
                        + " exactly one tensor");
        assertThat(refusal("{" + A + "," + entry("b", "F32", "[2]", 0, 8) + "}", floats(1, 2)))
                .isEqualTo("tensor 'a' [0, 8] and tensor 'b' [0, 8] overlap; each byte of the data buffer belongs to"
                        + " exactly one tensor");
        assertThat(refusal("{" + A + "," + entry("b", "F32", "[1]", 12, 16) + "}", floats(1, 2, 3, 4)))
                .isEqualTo("bytes 8 to 12 of the data buffer belong to no tensor (after tensor 'a' [0, 8]), before"
                        + " tensor 'b' [12, 16]; tensors cover the data buffer without gaps");
        assertThat(refusal("{" + entry("b", "F32", "[1]", 4, 8) + "}", floats(1, 2)))
                .isEqualTo("bytes 0 to 4 of the data buffer belong to no tensor, before tensor 'b' [4, 8]; tensors cover"
                        + " the data buffer without gaps");
        assertThat(refusal("{" + A + "}", floats(1, 2, 3)))
                .isEqualTo("bytes 8 to 12 of the data buffer belong to no tensor (after tensor 'a' [0, 8]); the last"
                        + " tensor ends where the file does");
        assertThat(refusal("{}", floats(1)))
                .isEqualTo("bytes 0 to 4 of the data buffer belong to no tensor (the header lists none); the last tensor"
                        + " ends where the file does");
    }

    @Test
    void refusesMetadataThatIsNotAnObjectOfStrings() throws IOException {
        assertThat(refusal("{\"__metadata__\":{\"epochs\":3}}", new byte[0]))
                .isEqualTo("__metadata__ 'epochs' is the number 3; metadata values must be strings");
        assertThat(refusal("{\"__metadata__\":{\"a\":\"x\",\"b\":null}}", new byte[0]))
                .isEqualTo("__metadata__ 'b' is null; metadata values must be strings");
        assertThat(refusal("{\"__metadata__\":{\"nested\":{\"k\":\"v\"}}}", new byte[0]))
                .isEqualTo("__metadata__ 'nested' is an object; metadata values must be strings");
        assertThat(refusal("{\"__metadata__\":[\"a\"]}", new byte[0]))
                .isEqualTo("__metadata__ is an array of 1 values; it must be an object whose values are strings");
        assertThat(refusal("{\"__metadata__\":null}", new byte[0]))
                .isEqualTo("__metadata__ is null; it must be an object whose values are strings");
    }

    @Test
    void refusesAnEmptyTensorName() throws IOException {
        assertThat(refusal("{" + entry("", "F32", "[2]", 0, 8) + "}", floats(1, 2)))
                .isEqualTo("a tensor has an empty name; tensor names have at least one character");
    }

    @Test
    void quotesNamesWithControlCharactersEscapedAndCutsLongOnes() throws IOException {
        assertThat(refusal("{" + entry("a\\u0000b", "BF16", "[2]", 0, 4) + "}", new byte[4]))
                .startsWith("tensor 'a\\u0000b' has dtype 'BF16'");
        String longName = "n".repeat(1000);
        assertThat(refusal("{" + entry(longName, "BF16", "[2]", 0, 4) + "}", new byte[4]))
                .startsWith("tensor '" + "n".repeat(200) + "' (cut at 200 of 1000 characters) has dtype 'BF16'");
    }

    @Test
    void refusesAFolderAndAMissingFile() throws IOException {
        assertThat(reason(folder)).isEqualTo("it is a folder; give the path of a .safetensors file");
        assertThat(reason(folder.resolve("missing.safetensors"))).isEqualTo("no such file or folder");
    }

    @Test
    void acceptsWhitespaceInsideTheJsonObjectAndNonFiniteValues() throws IOException {
        String json = "{\n  \"a\" : { \"dtype\" : \"F32\", \"shape\" : [ 2 ], \"data_offsets\" : [ 0, 8 ] }\n}";
        Files.write(path(), file(json, floats(Float.NaN, Float.NEGATIVE_INFINITY)));

        assertThat(Safetensors.read(path()).tensors().get("a").values())
                .containsExactly(Double.NaN, Double.NEGATIVE_INFINITY);
    }
}
