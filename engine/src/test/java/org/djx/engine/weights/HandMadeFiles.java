package org.djx.engine.weights;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds the bytes of safetensors files by hand, independently of the writer under test. */
final class HandMadeFiles {
    private HandMadeFiles() {
    }

    /** Returns a file whose header is {@code json} padded with spaces to a multiple of 8, followed by {@code data}. */
    static byte[] file(String json, byte[] data) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        int padded = (header.length + 7) / 8 * 8;
        byte[] spaces = " ".repeat(padded - header.length).getBytes(StandardCharsets.US_ASCII);
        return concat(lengthPrefix(padded), header, spaces, data);
    }

    /** Returns a file with exactly these header bytes (no padding added) and data. */
    static byte[] raw(byte[] header, byte[] data) {
        return concat(lengthPrefix(header.length), header, data);
    }

    static byte[] lengthPrefix(long length) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(length).array();
    }

    static byte[] floats(float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putFloat(v);
        }
        return buffer.array();
    }

    static byte[] doubles(double... values) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            buffer.putDouble(v);
        }
        return buffer.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Returns an entry of the header, such as {@code "a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}. */
    static String entry(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":[" + begin + ","
                + end + "]}";
    }
}
