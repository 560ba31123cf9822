package org.djx.engine.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.djx.engine.io.IoReasons;

/**
 * Reads a safetensors file, checking all of its header against the file's size before it allocates anything
 * for the values: a damaged or hostile header cannot make it allocate more than twice what the file holds (F32
 * values widen to doubles).
 */
final class SafetensorsReader {
    /** Values are decoded through a buffer of this size, so that a tensor of any size needs no byte copy of itself. */
    private static final int CHUNK = 1 << 16;

    private final Path file;
    private final Refusal refusal;
    private final SeekableByteChannel channel;

    private SafetensorsReader(Path file, SeekableByteChannel channel) {
        this.file = file;
        this.refusal = new Refusal(file);
        this.channel = channel;
    }

    static StoredWeights read(Path file) {
        Refusal refusal = new Refusal(file);
        if (Files.isDirectory(file)) {
            throw refusal.because("it is a folder; give the path of a .safetensors file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(file, channel);
        } catch (IOException e) {
            throw refusal.because(IoReasons.of(e, file), e);
        }
    }

    /** Reads from {@code channel}, naming {@code file} in messages; tests pass bytes in memory. */
    static StoredWeights read(Path file, SeekableByteChannel channel) throws IOException {
        return new SafetensorsReader(file, channel).read();
    }

    private StoredWeights read() throws IOException {
        long size = channel.size();
        if (size < 8) {
            throw refusal.because("it is " + size + " bytes long, too short for the 8-byte header length that starts"
                    + " every safetensors file; is it truncated, or not a safetensors file?");
        }
        long headerLength = bytes(0, 8).getLong();
        if (Long.compareUnsigned(headerLength, size - 8) > 0) {
            throw refusal.because("the header length is " + Long.toUnsignedString(headerLength) + " bytes, more than the "
                    + (size - 8) + " bytes that follow it; is the file truncated?");
        }
        if (headerLength > Safetensors.MAX_HEADER_BYTES) {
            throw refusal.because("the header length is " + headerLength + " bytes, more than the "
                    + Safetensors.MAX_HEADER_BYTES + " (100 MiB) djx reads");
        }
        long bufferLength = size - 8 - headerLength;
        byte[] header = bytes(8, (int) headerLength).array();
        HeaderEntries.Header parsed = HeaderEntries.read(HeaderJson.parse(header, refusal), bufferLength, refusal);
        List<TensorEntry> entries = BufferLayout.inDataOrder(parsed.entries(), bufferLength, refusal);
        Map<String, StoredTensor> tensors = new LinkedHashMap<>();
        for (TensorEntry entry : entries) {
            tensors.put(entry.name, values(entry, 8 + headerLength));
        }
        return new StoredWeights(tensors, parsed.metadata());
    }

    private StoredTensor values(TensorEntry entry, long dataStart) throws IOException {
        double[] values = new double[entry.size];
        ElementType type = entry.type;
        long position = dataStart + entry.begin;
        int done = 0;
        while (done < values.length) {
            int count = Math.min(values.length - done, CHUNK / type.bytes());
            ByteBuffer chunk = bytes(position, count * type.bytes());
            for (int i = 0; i < count; i++) {
                values[done + i] = type.get(chunk);
            }
            done += count;
            position += (long) count * type.bytes();
        }
        return StoredTensor.adopt(type.dtype(), entry.shape, values);
    }

    /** Reads {@code length} bytes at {@code position} into a little-endian buffer ready to read. */
    private ByteBuffer bytes(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.position(position + buffer.position()).read(buffer) < 0) {
                throw refusal.because("it ended at byte " + (position + buffer.position()) + " while " + (position + length)
                        + " were expected; was " + file.getFileName() + " changed while it was read?");
            }
        }
        return buffer.flip();
    }
}
