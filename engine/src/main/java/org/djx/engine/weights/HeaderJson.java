package org.djx.engine.weights;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Parses the JSON of a safetensors header strictly: UTF-8, one object from the first byte, then nothing but
 * the spaces that pad it. Jackson's lenient defaults are switched off: a duplicate key (two tensors of one
 * name) is an error rather than the last one silently winning.
 */
final class HeaderJson {
    /** Headers nest three levels (header, entry, shape); deeper is malformed, and need not be parsed further. */
    static final int MAX_DEPTH = 16;
    /** Far more digits than any offset needs, and few enough that a number is cheap to parse. */
    static final int MAX_NUMBER_DIGITS = 1000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_DIGITS)
                    // Names and metadata values may be as long as the header itself.
                    .maxNameLength((int) Safetensors.MAX_HEADER_BYTES)
                    .maxStringLength((int) Safetensors.MAX_HEADER_BYTES)
                    .build())
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private HeaderJson() {
    }

    /** Returns the mapper with the strict settings, for tests that pin them. */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    static ObjectNode parse(byte[] header, Refusal refusal) {
        int end = header.length;
        while (end > 0 && header[end - 1] == ' ') {
            end--;
        }
        if (end == 0) {
            throw refusal.because("the header is empty" + (header.length == 0 ? "" : " (" + header.length + " spaces)")
                    + "; it must be a JSON object, {} for a file without tensors");
        }
        if (header[0] != '{') {
            throw refusal.because("the header starts with byte " + hex(header[0]) + " instead of '{'; a safetensors header"
                    + " is one JSON object, padded at its end with spaces");
        }
        if (header[end - 1] != '}') {
            throw refusal.because("the header ends with byte " + hex(header[end - 1]) + " at offset " + (end - 1)
                    + " of the header instead of '}'; after its JSON object a header holds only spaces (0x20)");
        }
        String text = decode(header, end, refusal);
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (StreamConstraintsException e) {
            throw refusal.because(limit(String.valueOf(e.getOriginalMessage())), e);
        } catch (JsonProcessingException e) {
            throw refusal.because("the header is not valid JSON" + at(e.getLocation()) + ": " + reword(e.getOriginalMessage()), e);
        }
        if (!(root instanceof ObjectNode object)) {
            // Unreachable after the checks of '{' and trailing tokens; kept so that a change there cannot cast wrongly.
            throw refusal.because("the header is not a JSON object");
        }
        return object;
    }

    private static String decode(byte[] header, int end, Refusal refusal) {
        ByteBuffer in = ByteBuffer.wrap(header, 0, end);
        CharBuffer out = CharBuffer.allocate(end);
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, out, true);
        if (result.isError()) {
            throw refusal.because("the header is not valid UTF-8: byte " + hex(header[in.position()]) + " at offset "
                    + in.position() + " of the header cannot start or continue a character; headers are UTF-8 JSON");
        }
        return out.flip().toString();
    }

    /** Says which limit a header went past; Jackson's own words name its configuration methods. */
    private static String limit(String message) {
        if (message.contains("nesting depth")) {
            return "the header nests deeper than " + MAX_DEPTH + " levels; a safetensors header nests 3 (the header,"
                    + " an entry, its shape)";
        }
        if (message.contains("Number value length")) {
            return "the header holds a number longer than " + MAX_NUMBER_DIGITS + " digits; shapes and offsets are"
                    + " short whole numbers";
        }
        return "the header goes past a limit of the JSON parser: " + Refusal.printable(message);
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * Says Jackson's message in the header's own terms, without its advice to enable parser features, which
     * the writer of a file cannot act on.
     */
    private static String reword(String message) {
        String m = Refusal.printable(String.valueOf(message)
                .replaceAll(":? ?enable `[^`]*` to allow", "")
                .replaceAll(" ?\\(not recognized as one since Feature '[A-Z_]+' not enabled for parser\\)", ""));
        if (m.startsWith("Duplicate field ")) {
            return "duplicate key " + m.substring("Duplicate field ".length())
                    + "; each tensor name, and each key of an entry, appears once";
        }
        return m;
    }

    static String hex(byte b) {
        return String.format("0x%02X", b & 0xff);
    }
}
