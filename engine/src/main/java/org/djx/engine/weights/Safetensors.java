package org.djx.engine.weights;

import java.nio.file.Path;
import java.util.Map;

/**
 * Reads and writes weights in the safetensors format: an 8-byte little-endian header length, a UTF-8 JSON
 * header naming each tensor's type, shape and byte range, then the tensors' bytes, little-endian and row-major.
 * djx reads and writes the types F32 and F64; a scalar has the shape {@code []}.
 *
 * <p>Reading is strict: what the reference implementation (huggingface/safetensors) refuses is refused, and
 * more: unknown keys in an entry, duplicate keys, padding other than trailing spaces, an empty name, a null
 * {@code __metadata__}. One limit differs: headers may take 100 MiB here, 100 MB there. Values are not judged:
 * NaN and infinities are read as they are, for the caller to decide on.
 */
public final class Safetensors {
    /** The longest header read or written: 100 MiB (the reference implementation stops at 100 MB). */
    static final long MAX_HEADER_BYTES = 100L << 20;
    /** The most elements of one tensor: the largest Java array the JVM reliably allocates. */
    static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private Safetensors() {
    }

    /**
     * Reads a safetensors file.
     *
     * @return the tensors in the order of their data in the file (for files that djx wrote, the order they were
     *         given in), and the metadata; empty maps when the file has none
     * @throws org.djx.api.DataException if the file cannot be read, is malformed, or holds a type other than F32
     *                                   and F64; the message names the file, the tensor if any, what is wrong and
     *                                   what is valid
     */
    public static StoredWeights read(Path file) {
        return SafetensorsReader.read(file);
    }

    /**
     * Reads the bytes of a safetensors file already read into memory, such as bytes whose digest was just checked,
     * so that what is parsed is what was checked.
     *
     * @param file names the file in messages
     * @throws org.djx.api.DataException as {@link #read(Path)} does
     */
    public static StoredWeights read(Path file, byte[] bytes) {
        try (BytesChannel channel = new BytesChannel(bytes)) {
            return SafetensorsReader.read(file, channel);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("reading bytes in memory cannot fail", e);
        }
    }

    /**
     * Writes {@code tensors} in their iteration order and {@code metadata} to {@code file}, atomically: the file
     * either keeps what it held or holds all of the new content. The temporary file beside it is removed when the
     * write fails; only a killed process leaves one, under a name ending in {@code .part}.
     *
     * @param tensors  tensors by name; names are not empty and not {@code __metadata__}; may be empty
     * @param metadata string entries stored in the header's {@code __metadata__}; may be empty, and then the
     *                 header has no {@code __metadata__}
     * @throws org.djx.api.DataException    if the file cannot be written, with the operating system's reason
     * @throws IllegalArgumentException     if a name is not allowed or a string cannot be encoded as UTF-8
     */
    public static void write(Path file, Map<String, StoredTensor> tensors, Map<String, String> metadata) {
        SafetensorsWriter.write(file, tensors, metadata);
    }
}
