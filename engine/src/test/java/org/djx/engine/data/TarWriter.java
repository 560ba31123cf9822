package org.djx.engine.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes tar archives block by block, including the hostile entries that real tar tools refuse to
 * write (links, devices, traversal names), so the tests can build them in memory.
 */
final class TarWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Adds a regular file. */
    TarWriter file(String name, byte[] data) {
        return entry(name, '0', data, "");
    }

    /** Adds a regular file. */
    TarWriter file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a folder. */
    TarWriter folder(String name) {
        return entry(name, '5', new byte[0], "");
    }

    /** Adds an entry of any type; {@code link} goes into the link-name field. */
    TarWriter entry(String name, char type, byte[] data, String link) {
        out.writeBytes(header(name, type, data.length, link, true));
        out.writeBytes(data);
        out.writeBytes(new byte[(512 - data.length % 512) % 512]);
        return this;
    }

    /** Adds a GNU long-name entry, which names the entry that follows it. */
    TarWriter longName(String name) {
        byte[] bytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
        out.writeBytes(header("././@LongLink", 'L', bytes.length, "", false));
        out.writeBytes(bytes);
        out.writeBytes(new byte[(512 - bytes.length % 512) % 512]);
        return this;
    }

    /** Adds a PAX extended header with one record per key and value pair. */
    TarWriter pax(String... keysAndValues) {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String body = " " + keysAndValues[i] + "=" + keysAndValues[i + 1] + "\n";
            int length = body.getBytes(StandardCharsets.UTF_8).length;
            int total = length + String.valueOf(length).length();
            if (String.valueOf(total).length() != String.valueOf(length).length()) {
                total++;
            }
            records.append(total).append(body);
        }
        byte[] bytes = records.toString().getBytes(StandardCharsets.UTF_8);
        out.writeBytes(header("PaxHeaders/x", 'x', bytes.length, "", true));
        out.writeBytes(bytes);
        out.writeBytes(new byte[(512 - bytes.length % 512) % 512]);
        return this;
    }

    /** Adds raw bytes, for damaged archives. */
    TarWriter raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** Returns the archive with its end-of-archive marker (two zero blocks, padded to a 10 KiB record). */
    byte[] finish() {
        out.writeBytes(new byte[1024]);
        out.writeBytes(new byte[(10240 - out.size() % 10240) % 10240]);
        return out.toByteArray();
    }

    /** Returns the archive without its end-of-archive marker. */
    byte[] unfinished() {
        return out.toByteArray();
    }

    Path writeTo(Path file) throws IOException {
        return Files.write(file, finish());
    }

    Path writeGzipTo(Path file) throws IOException {
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
            gz.write(finish());
        }
        return file;
    }

    /** Returns a ustar header block with a correct checksum; {@code posix} chooses POSIX or GNU magic. */
    static byte[] header(String name, char type, long size, String link, boolean posix) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        if (n.length > 100) {
            throw new IllegalArgumentException("use longName() or pax() for names over 100 bytes: " + name);
        }
        System.arraycopy(n, 0, h, 0, n.length);
        put(h, 100, String.format("%07o", type == '5' ? 0755 : 0644));
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, String.format("%011o", 1_700_000_000L));
        h[156] = (byte) type;
        byte[] l = link.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(l, 0, h, 157, l.length);
        put(h, 257, posix ? "ustar\0" + "00" : "ustar  \0");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o\0 ", sum));
        return h;
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
