package org.djx.engine.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.djx.engine.io.IoReasons;

/**
 * A JSON document parsed strictly, with the line:column of every value kept by JSON path.
 *
 * <p>Strict means: duplicate keys, content after the document, numbers that overflow a double, deep
 * nesting and huge numbers or strings are syntax errors; Jackson's lenient defaults are never relied on
 * (there is no coercion, since values are read from the tree by the validator, which checks types
 * itself).
 */
public final class JsonDocument {
    /** How deep objects and arrays may nest; experiment files need a handful of levels. */
    public static final int MAX_DEPTH = 32;
    /** The most digits a number literal may have (Jackson counts digits, not signs or points). */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** The longest string accepted, in characters. */
    public static final int MAX_STRING_LENGTH = 100_000;
    /** The largest document accepted, in bytes. */
    public static final long MAX_DOCUMENT_BYTES = 16L << 20;

    /** Jackson's words for a string or number past its limit, naming its own configuration method. */
    private static final Pattern CONSTRAINT = Pattern.compile(
            "(String|Number) value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");
    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    /** A number literal whose digits before any exponent are not all zero. */
    private static final Pattern NONZERO_MANTISSA = Pattern.compile("^-?[0-9.]*[1-9]");
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    // One level more than allowed: the builder refuses the deepest level itself, at its own line:column.
                    .maxNestingDepth(MAX_DEPTH + 1)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxDocumentLength(MAX_DOCUMENT_BYTES)
                    .build())
            .build();

    private final String file;
    private final JsonNode root;
    private final Map<String, Location> locations;
    private final String sha256;

    private JsonDocument(String file, JsonNode root, Map<String, Location> locations, String sha256) {
        this.file = file;
        this.root = root;
        this.locations = locations;
        this.sha256 = sha256;
    }

    /** Returns the factory with djx's strict settings, for tests that pin them. */
    public static JsonFactory strictFactory() {
        return FACTORY;
    }

    /**
     * Reads and parses a file.
     *
     * @throws InvalidDocumentException if the file cannot be read or is not strict JSON
     */
    public static JsonDocument read(Path path) {
        String name = path.toString();
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(path)) {
            // Read at most one byte past the limit: a pipe or a device (/dev/zero) has no size to check first.
            bytes = in.readNBytes((int) MAX_DOCUMENT_BYTES + 1);
            if (bytes.length > MAX_DOCUMENT_BYTES) {
                throw single(name, null, "the file is larger than " + (MAX_DOCUMENT_BYTES >> 20) + " MiB, the most an"
                        + " experiment file may be");
            }
        } catch (NoSuchFileException e) {
            throw single(name, null, "no such file");
        } catch (IOException e) {
            throw single(name, null, "cannot be read: " + IoReasons.of(e, path));
        }
        return parse(name, bytes);
    }

    /**
     * Parses UTF-8 bytes; {@code file} names them in messages.
     *
     * @throws InvalidDocumentException if they are not one strict JSON document
     */
    public static JsonDocument parse(String file, byte[] bytes) {
        String text = decodeUtf8(file, bytes);
        Map<String, Location> locations = new HashMap<>();
        JsonParser parser;
        try {
            parser = FACTORY.createParser(text);
        } catch (IOException e) {
            throw single(file, null, "cannot be read: " + IoReasons.of(e));
        }
        try (parser) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw single(file, null, "the file is empty; expected a JSON object");
            }
            JsonNode root = new Builder(file, parser, locations).value("$");
            JsonLocation end = parser.currentLocation();
            JsonToken after;
            JsonLocation garbage = null;
            try {
                after = parser.nextToken();
            } catch (JsonProcessingException e) {
                after = JsonToken.NOT_AVAILABLE;
                garbage = e.getLocation();
            }
            if (after != null) {
                JsonLocation where = after != JsonToken.NOT_AVAILABLE ? parser.currentTokenLocation()
                        : garbage != null ? garbage : end;
                throw single(file, location(where), "unexpected content after the end of the JSON document");
            }
            return new JsonDocument(file, root, locations, sha256(bytes));
        } catch (JsonProcessingException e) {
            // Limit violations (depth, number length) carry no location of their own: use the parser's.
            JsonLocation where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            throw single(file, where == null ? null : location(where), "invalid JSON: " + plain(e.getOriginalMessage()));
        } catch (IOException e) {
            throw single(file, null, "cannot be read: " + IoReasons.of(e));
        }
    }

    /**
     * Returns Jackson's message without its advice to enable parser features, which a user of djx
     * cannot do, and with what JSON allows instead.
     */
    static String plain(String message) {
        java.util.regex.Matcher limit = CONSTRAINT.matcher(message);
        if (limit.find()) {
            // The parser stops counting where it gives up, so the length it gives is a lower bound, not the length.
            String unit = limit.group(1).equals("String") ? "characters" : "digits";
            return "a " + limit.group(1).toLowerCase(java.util.Locale.ROOT) + " longer than " + limit.group(3) + " " + unit
                    + ", the most allowed";
        }
        String m = message.replaceAll(":? ?enable `[^`]*` to allow", "")
                .replaceAll(" ?\\(not recognized as one since Feature '[A-Z_]+' not enabled for parser\\)", "");
        if (m.startsWith("Duplicate field ")) {
            m = "duplicate key " + m.substring("Duplicate field ".length()) + "; each key may appear once in an object";
        } else if (m.contains("Non-standard token")) {
            m += "; JSON has no NaN or Infinity, give a finite number";
        } else if (m.contains("comment")) {
            m += "; JSON has no comments, so remove it (a \"description\" key can hold notes)";
        }
        return m;
    }

    /**
     * Decodes strict UTF-8, so that bytes in another encoding are an error that names their offset
     * rather than characters silently replaced or a guessed UTF-16; a leading byte-order mark is
     * dropped.
     */
    private static String decodeUtf8(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            String before = out.toString();
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = before.length() - before.lastIndexOf('\n');
            throw single(file, new Location(line, column), "is not valid UTF-8: byte 0x" + String.format("%02X", bytes[in.position()] & 0xff)
                    + " at byte offset " + in.position() + " cannot start or continue a character; save the file as UTF-8");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Returns the SHA-256 of the document's bytes, in lowercase hex, for a run's provenance. */
    public String sha256() {
        return sha256;
    }

    private static String sha256(byte[] bytes) {
        return org.djx.engine.io.Digests.sha256(bytes);
    }

    /** Returns the file as the user named it. */
    /**
     * Returns this document with another root, such as the file with one section taken out: problems in it
     * still point at this file's lines. Paths the new root does not share with the file locate nothing.
     */
    public JsonDocument withRoot(JsonNode root) {
        return new JsonDocument(file, root, locations, sha256);
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** Returns where the value at {@code path} starts, or where its nearest enclosing value does. */
    public Location locate(String path) {
        String p = path;
        while (p != null) {
            Location l = locations.get(p);
            if (l != null) {
                return l;
            }
            p = parent(p);
        }
        return null;
    }

    /** Returns a problem placed at {@code path}. */
    public Problem problem(String path, String message) {
        return new Problem(file, locate(path), path, message);
    }

    /** Returns the JSON path of {@code key} inside the object at {@code path}. */
    public static String child(String path, String key) {
        return SIMPLE_KEY.matcher(key).matches() ? path + "." + key
                : path + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** Returns the JSON path of element {@code index} of the array at {@code path}. */
    public static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    private static String parent(String path) {
        if (path.equals("$")) {
            return null;
        }
        int bracket = path.lastIndexOf('[');
        int dot = path.lastIndexOf('.');
        int cut = Math.max(bracket, dot);
        return cut <= 0 ? "$" : path.substring(0, cut);
    }

    private static Location location(JsonLocation l) {
        return new Location(l.getLineNr(), l.getColumnNr());
    }

    private static InvalidDocumentException single(String file, Location location, String message) {
        return new InvalidDocumentException(List.of(new Problem(file, location, null, message)));
    }

    /** Builds the tree token by token, recording each value's location under its path. */
    private static final class Builder {
        private final String file;
        private final JsonParser parser;
        private final Map<String, Location> locations;
        private final JsonNodeFactory nodes = JsonNodeFactory.instance;

        Builder(String file, JsonParser parser, Map<String, Location> locations) {
            this.file = file;
            this.parser = parser;
            this.locations = locations;
        }

        private int depth;

        JsonNode value(String path) throws IOException {
            Location here = location(parser.currentTokenLocation());
            locations.put(path, here);
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                if (depth == MAX_DEPTH) {
                    throw new InvalidDocumentException(List.of(new Problem(file, here, null, "this "
                            + (token == JsonToken.START_OBJECT ? "object" : "array") + " is nested " + (depth + 1)
                            + " levels deep; objects and arrays may nest at most " + MAX_DEPTH + " levels")));
                }
                depth++;
                try {
                    return container(token, path);
                } finally {
                    depth--;
                }
            }
            switch (token) {
                case VALUE_STRING:
                    try {
                        return nodes.textNode(parser.getText());
                    } catch (StreamConstraintsException e) {
                        // Said where the string starts, not where the parser gave up on it.
                        throw new InvalidDocumentException(List.of(new Problem(file, here, path, plain(e.getOriginalMessage()))));
                    }
                case VALUE_NUMBER_INT:
                    switch (parser.getNumberType()) {
                        case INT:
                            return nodes.numberNode(parser.getIntValue());
                        case LONG:
                            return nodes.numberNode(parser.getLongValue());
                        default:
                            return nodes.numberNode(parser.getBigIntegerValue());
                    }
                case VALUE_NUMBER_FLOAT: {
                    double v = parser.getDoubleValue();
                    String literal = parser.getText();
                    if (!Double.isFinite(v)) {
                        throw new InvalidDocumentException(List.of(new Problem(file, here, path,
                                "the number " + literal + " is too large for a double (about 1.8e308 at most)")));
                    }
                    if (v == 0 && NONZERO_MANTISSA.matcher(literal).find()) {
                        throw new InvalidDocumentException(List.of(new Problem(file, here, path,
                                "the number " + literal + " is too small for a double: it would silently become 0")));
                    }
                    return nodes.numberNode(v);
                }
                case VALUE_TRUE:
                    return nodes.booleanNode(true);
                case VALUE_FALSE:
                    return nodes.booleanNode(false);
                case VALUE_NULL:
                    return nodes.nullNode();
                default:
                    throw new IllegalStateException("unexpected token " + token + " at " + here);
            }
        }

        private JsonNode container(JsonToken token, String path) throws IOException {
            if (token == JsonToken.START_OBJECT) {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    object.set(key, value(child(path, key)));
                }
                return object;
            }
            ArrayNode array = nodes.arrayNode();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(value(element(path, index++)));
            }
            return array;
        }
    }
}
