package org.djx.engine.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
    /** The longest number literal accepted, in characters. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** The longest string accepted, in characters. */
    public static final int MAX_STRING_LENGTH = 100_000;
    /** The largest document accepted, in bytes. */
    public static final long MAX_DOCUMENT_BYTES = 16L << 20;

    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxDocumentLength(MAX_DOCUMENT_BYTES)
                    .build())
            .build();

    private final String file;
    private final JsonNode root;
    private final Map<String, Location> locations;

    private JsonDocument(String file, JsonNode root, Map<String, Location> locations) {
        this.file = file;
        this.root = root;
        this.locations = locations;
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
        try {
            if (Files.size(path) > MAX_DOCUMENT_BYTES) {
                throw single(name, null, "the file is larger than " + (MAX_DOCUMENT_BYTES >> 20) + " MiB");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw single(name, null, "no such file");
        } catch (IOException e) {
            throw single(name, null, "cannot be read: " + e.getMessage());
        }
        return parse(name, bytes);
    }

    /**
     * Parses UTF-8 bytes; {@code file} names them in messages.
     *
     * @throws InvalidDocumentException if they are not one strict JSON document
     */
    public static JsonDocument parse(String file, byte[] bytes) {
        Map<String, Location> locations = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw single(file, null, "the file is empty; expected a JSON object");
            }
            JsonNode root = new Builder(file, parser, locations).value("$");
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw single(file, location(parser.currentTokenLocation()),
                        "unexpected content after the end of the JSON document");
            }
            return new JsonDocument(file, root, locations);
        } catch (JsonProcessingException e) {
            throw single(file, e.getLocation() == null ? null : location(e.getLocation()),
                    "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw single(file, null, "cannot be read as UTF-8 JSON: " + e.getMessage());
        }
    }

    /** Returns the file as the user named it. */
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

        JsonNode value(String path) throws IOException {
            Location here = location(parser.currentTokenLocation());
            locations.put(path, here);
            JsonToken token = parser.currentToken();
            switch (token) {
                case START_OBJECT: {
                    ObjectNode object = nodes.objectNode();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String key = parser.currentName();
                        parser.nextToken();
                        object.set(key, value(child(path, key)));
                    }
                    return object;
                }
                case START_ARRAY: {
                    ArrayNode array = nodes.arrayNode();
                    int index = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        array.add(value(element(path, index++)));
                    }
                    return array;
                }
                case VALUE_STRING:
                    return nodes.textNode(parser.getText());
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
                    if (!Double.isFinite(v)) {
                        throw new InvalidDocumentException(List.of(new Problem(file, here, path,
                                "the number " + parser.getText() + " is too large for a double (about 1.8e308 at most)")));
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
    }
}
