package org.djx.engine.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Archives built in memory for tests, good and hostile, and the SHA-1 a hub declares for them. */
public final class ArchiveBytes {
    private ArchiveBytes() {
    }

    /** Builds a zip of name and content pairs; a content is a String, a byte[], or null for a folder. */
    public static byte[] zip(Object... namesAndContents) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) namesAndContents[i]));
                Object content = namesAndContents[i + 1];
                if (content instanceof String s) {
                    zip.write(s.getBytes(StandardCharsets.UTF_8));
                } else if (content instanceof byte[] b) {
                    zip.write(b);
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Builds a tar.gz of regular files from name and text pairs. */
    public static byte[] tarGz(String... namesAndTexts) {
        TarWriter tar = new TarWriter();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            tar.file(namesAndTexts[i], namesAndTexts[i + 1]);
        }
        return gzip(tar.finish());
    }

    /** Returns {@code bytes} compressed with gzip. */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Rewrites the uncompressed size that the central directory gives for {@code name}, as a zip bomb would. */
    public static byte[] declareSize(byte[] zip, String name, int size) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 < zip.length; i++) {
            if (b.getInt(i) == 0x02014b50 && b.getShort(i + 28) == n.length
                    && Arrays.equals(zip, i + 46, i + 46 + n.length, n, 0, n.length)) {
                b.putInt(i + 24, size);
                return zip;
            }
        }
        throw new IllegalArgumentException("no central directory entry " + name);
    }

    /** Returns the SHA-1 of {@code bytes} in hex, computed here with MessageDigest, apart from the engine's Sha1. */
    public static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
