package org.djx.engine.weights;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes a header as the reference implementation does: compact JSON, {@code __metadata__} first when there is
 * any, each entry's keys in the order dtype, shape, data_offsets, then spaces up to a multiple of 8 bytes so
 * that the data starts aligned for every element type. Unlike the reference, which sorts tensors by type and
 * then by name, tensors keep the caller's order.
 */
final class HeaderEncoding {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private HeaderEncoding() {
    }

    static byte[] encode(Map<String, StoredTensor> tensors, Map<String, String> metadata) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            if (!metadata.isEmpty()) {
                json.writeObjectFieldStart(HeaderEntries.METADATA);
                for (Map.Entry<String, String> entry : metadata.entrySet()) {
                    json.writeStringField(entry.getKey(), entry.getValue());
                }
                json.writeEndObject();
            }
            long offset = 0;
            for (Map.Entry<String, StoredTensor> entry : tensors.entrySet()) {
                StoredTensor tensor = entry.getValue();
                ElementType type = ElementType.of(tensor.dtype());
                long end = offset + (long) tensor.size() * type.bytes();
                json.writeObjectFieldStart(entry.getKey());
                json.writeStringField("dtype", type.name());
                json.writeFieldName("shape");
                int[] shape = tensor.shapeUnshared();
                json.writeArray(shape, 0, shape.length);
                json.writeFieldName("data_offsets");
                json.writeArray(new long[] {offset, end}, 0, 2);
                json.writeEndObject();
                offset = end;
            }
            json.writeEndObject();
        } catch (IOException e) {
            // Names and values were checked to be encodable; an in-memory stream does not fail otherwise.
            throw new UncheckedIOException("cannot encode a safetensors header", e);
        }
        byte[] compact = out.toByteArray();
        int padded = (compact.length + 7) / 8 * 8;
        byte[] header = Arrays.copyOf(compact, padded);
        Arrays.fill(header, compact.length, padded, (byte) ' ');
        return header;
    }
}
