package org.djx.engine.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.djx.api.DataException;
import org.djx.engine.io.IoReasons;
import org.djx.engine.io.PartFiles;

/**
 * Writes a safetensors file atomically: into a temporary {@code .part} file beside the target, flushed to the
 * disk, then renamed over the target, so that the final name holds the old file or the whole new one, never
 * part of it. The temporary name is unique per process and call, so two writers never share one.
 */
final class SafetensorsWriter {
    private static final int CHUNK = 1 << 16;

    private SafetensorsWriter() {
    }

    static void write(Path file, Map<String, StoredTensor> tensors, Map<String, String> metadata) {
        Objects.requireNonNull(file, "file");
        checkNames(Objects.requireNonNull(tensors, "tensors"), Objects.requireNonNull(metadata, "metadata"));
        byte[] header = HeaderEncoding.encode(tensors, metadata);
        if (header.length > Safetensors.MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("the header would take " + header.length + " bytes, more than the "
                    + Safetensors.MAX_HEADER_BYTES + " readers accept; store fewer tensors or less metadata in one file");
        }
        Path target = file.toAbsolutePath();
        if (target.getFileName() == null) {
            throw new IllegalArgumentException("cannot write safetensors file " + file + ": it names no file");
        }
        Path part;
        try {
            part = PartFiles.track(Files.createFile(target.resolveSibling("." + target.getFileName() + "."
                    + ProcessHandle.current().pid() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part")));
        } catch (IOException e) {
            throw new DataException("cannot write safetensors file " + target + ": cannot create a file beside it ("
                    + IoReasons.of(e) + "); nothing was written", e);
        }
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
                writeContent(channel, header, tensors);
                // On the disk before the rename, so that a crash cannot leave the final name with missing data.
                channel.force(true);
            }
            moveIntoPlace(part, target);
            moved = true;
        } catch (IOException e) {
            throw new DataException("cannot write safetensors file " + target + ": " + IoReasons.of(e, target)
                    + "; the file was left as it was", e);
        } finally {
            if (!moved) {
                deleteQuietly(part);
            }
            PartFiles.done(part);
        }
    }

    private static void checkNames(Map<String, StoredTensor> tensors, Map<String, String> metadata) {
        CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder();
        for (Map.Entry<String, StoredTensor> entry : tensors.entrySet()) {
            String name = Objects.requireNonNull(entry.getKey(), "tensor name");
            Objects.requireNonNull(entry.getValue(), () -> "tensor '" + name + "'");
            if (name.isEmpty() || name.equals(HeaderEntries.METADATA)) {
                throw new IllegalArgumentException("tensor name '" + name + "' is not allowed; names are not empty and"
                        + " not " + HeaderEntries.METADATA + ", which holds the metadata");
            }
            if (!utf8.canEncode(name)) {
                throw new IllegalArgumentException("tensor name " + Refusal.quote(name) + " has a lone surrogate, which"
                        + " UTF-8 cannot encode");
            }
        }
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            String key = Objects.requireNonNull(entry.getKey(), "metadata key");
            String value = Objects.requireNonNull(entry.getValue(), () -> "metadata value of '" + key + "'");
            if (!utf8.canEncode(key) || !utf8.canEncode(value)) {
                throw new IllegalArgumentException("metadata " + Refusal.quote(key) + " has a lone surrogate, which"
                        + " UTF-8 cannot encode");
            }
        }
    }

    private static void writeContent(FileChannel channel, byte[] header, Map<String, StoredTensor> tensors)
            throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        chunk.putLong(header.length);
        drain(channel, chunk);
        writeFully(channel, ByteBuffer.wrap(header));
        for (StoredTensor tensor : tensors.values()) {
            ElementType type = ElementType.of(tensor.dtype());
            for (double value : tensor.valuesUnshared()) {
                if (chunk.remaining() < type.bytes()) {
                    drain(channel, chunk);
                }
                type.put(chunk, value);
            }
        }
        drain(channel, chunk);
    }

    private static void drain(FileChannel channel, ByteBuffer chunk) throws IOException {
        chunk.flip();
        writeFully(channel, chunk);
        chunk.clear();
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private static void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Beside the target, so this is rare (some network file systems); readers may then see a partial file.
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // the failure being reported matters more; a leftover keeps its .part name and is never read
        }
    }
}
