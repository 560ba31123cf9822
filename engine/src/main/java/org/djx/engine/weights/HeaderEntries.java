package org.djx.engine.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the tensor entries and the metadata out of a parsed header, checking each entry on its own: its keys,
 * its type, its shape, and that its offsets lie in the data buffer and span what shape and type need.
 */
final class HeaderEntries {
    static final String METADATA = "__metadata__";
    private static final List<String> KEYS = List.of("dtype", "shape", "data_offsets");
    private static final String KEYS_RULE = "each tensor entry has exactly the keys dtype, shape and data_offsets";

    private final Refusal refusal;
    private final long bufferLength;

    private HeaderEntries(Refusal refusal, long bufferLength) {
        this.refusal = refusal;
        this.bufferLength = bufferLength;
    }

    /** The checked content of a header: its entries in header order and its metadata. */
    record Header(List<TensorEntry> entries, Map<String, String> metadata) {
    }

    static Header read(ObjectNode root, long bufferLength, Refusal refusal) {
        HeaderEntries reader = new HeaderEntries(refusal, bufferLength);
        List<TensorEntry> entries = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (field.getKey().equals(METADATA)) {
                metadata = reader.metadata(field.getValue());
            } else {
                entries.add(reader.entry(field.getKey(), field.getValue()));
            }
        }
        return new Header(entries, metadata);
    }

    private Map<String, String> metadata(JsonNode node) {
        if (!node.isObject()) {
            throw refusal.because(METADATA + " is " + describe(node) + "; it must be an object whose values are strings");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getValue().isTextual()) {
                throw refusal.because(METADATA + " " + Refusal.quote(field.getKey()) + " is " + describe(field.getValue())
                        + "; metadata values must be strings");
            }
            metadata.put(field.getKey(), field.getValue().textValue());
        }
        return metadata;
    }

    private TensorEntry entry(String name, JsonNode node) {
        if (name.isEmpty()) {
            throw refusal.because("a tensor has an empty name; tensor names have at least one character");
        }
        String tensor = "tensor " + Refusal.quote(name);
        if (!node.isObject()) {
            throw refusal.because(tensor + " is " + describe(node) + "; " + KEYS_RULE);
        }
        for (String key : KEYS) {
            if (!node.has(key)) {
                throw refusal.because(tensor + " has no " + key + "; " + KEYS_RULE);
            }
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            if (!KEYS.contains(key)) {
                throw refusal.because(tensor + " has an unknown key " + Refusal.quote(key) + "; " + KEYS_RULE);
            }
        }
        ElementType type = type(tensor, node.get("dtype"));
        int[] shape = shape(tensor, node.get("shape"));
        int size = size(tensor, shape);
        long[] offsets = offsets(tensor, node.get("data_offsets"));
        long begin = offsets[0];
        long end = offsets[1];
        long needed = (long) size * type.bytes();
        if (end - begin != needed) {
            throw refusal.because(tensor + ": data_offsets [" + begin + ", " + end + "] span " + (end - begin)
                    + " bytes, but shape " + Arrays.toString(shape) + " of " + type + " takes " + needed + " bytes ("
                    + size + " x " + type.bytes() + ")");
        }
        return new TensorEntry(name, type, shape, size, begin, end);
    }

    private ElementType type(String tensor, JsonNode node) {
        if (!node.isTextual()) {
            throw refusal.because(tensor + ": dtype is " + describe(node) + "; it must be a string, F32 or F64");
        }
        ElementType type = ElementType.named(node.textValue());
        if (type == null) {
            throw refusal.because(tensor + " has dtype " + Refusal.quote(node.textValue()) + "; djx reads F32 and F64"
                    + " only (in PyTorch, convert with tensor.float() or tensor.double() before saving)");
        }
        return type;
    }

    private int[] shape(String tensor, JsonNode node) {
        if (!node.isArray()) {
            throw refusal.because(tensor + ": shape is " + describe(node) + "; it must be an array of dimensions such"
                    + " as [2, 3], or [] for a scalar");
        }
        int[] shape = new int[node.size()];
        for (int axis = 0; axis < shape.length; axis++) {
            JsonNode dim = node.get(axis);
            if (!dim.isIntegralNumber() || dim.bigIntegerValue().signum() < 0
                    || dim.bigIntegerValue().compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
                throw refusal.because(tensor + ": shape[" + axis + "] is " + describe(dim) + "; dimensions are whole"
                        + " numbers from 0 to " + Integer.MAX_VALUE);
            }
            shape[axis] = dim.intValue();
        }
        return shape;
    }

    private int size(String tensor, int[] shape) {
        BigInteger size = BigInteger.ONE;
        for (int dim : shape) {
            size = size.multiply(BigInteger.valueOf(dim));
            // The reference counts in 64 bits and refuses an overflow, even one a later 0 would have cancelled.
            if (size.bitLength() > 64) {
                throw refusal.because(tensor + ": shape " + Arrays.toString(shape) + " overflows 64 bits before its last"
                        + " dimension; the reference implementation refuses it too");
            }
        }
        if (size.compareTo(BigInteger.valueOf(Safetensors.MAX_ELEMENTS)) > 0) {
            throw refusal.because(tensor + ": shape " + Arrays.toString(shape) + " has " + size + " elements, more than"
                    + " the " + Safetensors.MAX_ELEMENTS + " one djx tensor holds");
        }
        return size.intValueExact();
    }

    private long[] offsets(String tensor, JsonNode node) {
        if (!node.isArray() || node.size() != 2) {
            throw refusal.because(tensor + ": data_offsets is " + describe(node) + "; it must be [begin, end], byte"
                    + " offsets into the data buffer");
        }
        BigInteger[] offsets = new BigInteger[2];
        for (int i = 0; i < 2; i++) {
            JsonNode offset = node.get(i);
            if (!offset.isIntegralNumber() || offset.bigIntegerValue().signum() < 0) {
                throw refusal.because(tensor + ": data_offsets[" + i + "] is " + describe(offset) + "; offsets are whole"
                        + " numbers of bytes from 0 to the size of the data buffer, " + bufferLength);
            }
            offsets[i] = offset.bigIntegerValue();
        }
        String shown = "[" + offsets[0] + ", " + offsets[1] + "]";
        if (offsets[1].compareTo(offsets[0]) < 0) {
            throw refusal.because(tensor + ": data_offsets " + shown + " end before they begin; they are [begin, end]"
                    + " with begin <= end");
        }
        if (offsets[1].compareTo(BigInteger.valueOf(bufferLength)) > 0) {
            throw refusal.because(tensor + ": data_offsets " + shown + " reach past the end of the data buffer, which"
                    + " holds " + bufferLength + " bytes");
        }
        return new long[] {offsets[0].longValueExact(), offsets[1].longValueExact()};
    }

    /** Names what a JSON value is, quoting it when that is short, such as {@code the number 1.5}. */
    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> node.size() <= 8 && allNumbers(node) ? "the array " + cut(node.toString())
                    : "an array of " + node.size() + " values";
            case STRING -> "the string " + Refusal.quote(node.textValue());
            case NUMBER -> "the number " + cut(node.toString());
            case BOOLEAN -> "the boolean " + node;
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static String cut(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
