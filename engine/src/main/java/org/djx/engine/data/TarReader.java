package org.djx.engine.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A strict reader of tar streams: POSIX ustar and GNU headers in 512-byte blocks, with verified header
 * checksums, GNU long names ({@code L}) and PAX extended headers ({@code x}: {@code path} and
 * {@code size}; global {@code g} headers are checked and ignored).
 *
 * <p>Only files and folders come out. Links, devices, FIFOs and every type it does not know are
 * refused with a message naming the entry, as are old V7 headers, base-256 sizes, bad checksums, and
 * an archive that ends without its end-of-archive marker (a truncated one). Names are decoded as
 * UTF-8 and refused if they are not valid UTF-8; checking where they land is the caller's job.
 */
final class TarReader {
    /** A file or folder of the archive. */
    record Entry(String name, boolean directory, long size) {
    }

    private static final int BLOCK = 512;
    private static final int MAX_LONG_NAME = 64 * 1024;
    private static final int MAX_PAX = 1024 * 1024;
    private static final int MAX_TRAILER = 1024 * 1024;

    private final InputStream in;
    private final int maxHeaders;
    private final byte[] header = new byte[BLOCK];
    private long remaining;
    private long padding;
    private long offset;
    private int extendedHeaders;
    private long metadataBytes;
    private boolean ended;

    /**
     * @param maxHeaders the most extended headers (PAX, GNU long names) to accept
     */
    TarReader(InputStream in, int maxHeaders) {
        this.in = in;
        this.maxHeaders = maxHeaders;
    }

    /** Returns the bytes of extended-header data read so far, which count toward the size limit. */
    long metadataBytes() {
        return metadataBytes;
    }

    /**
     * Returns the next file or folder, skipping what is left of the current one, or null after the
     * end-of-archive marker (then having checked that nothing but zero padding follows it).
     */
    Entry next() throws IOException, ArchiveProblem {
        if (ended) {
            return null;
        }
        skipRest();
        String longName = null;
        String paxPath = null;
        long paxSize = -1;
        String pending = null;
        while (true) {
            long headerOffset = offset;
            if (!readHeader(pending)) {
                if (pending != null) {
                    throw new ArchiveProblem(null, "the archive ends right after " + pending + ", which must be followed by an entry");
                }
                ended = true;
                checkTrailer();
                return null;
            }
            String name = paxPath != null ? paxPath : longName;
            checkChecksum(headerOffset, name);
            boolean posix = Arrays.equals(header, 257, 263, USTAR_POSIX, 0, 6);
            String ownName = cString(0, 100, headerOffset);
            if (posix && header[345] != 0) {
                ownName = cString(345, 155, headerOffset) + "/" + ownName;
            }
            if (name == null) {
                name = ownName;
            }
            if (!posix && !Arrays.equals(header, 257, 265, USTAR_GNU, 0, 8)) {
                throw new ArchiveProblem(name, "has a header (at byte " + headerOffset
                        + ") that is neither POSIX ustar nor GNU tar, maybe an old V7 archive; re-create it with a current tar");
            }
            char type = (char) (header[156] & 0xff);
            long size = octal(124, 12, name, "size");
            switch (type) {
                case '0', '\0', '7' -> {
                    // A PAX size replaces the header's, which is limited to 8 GiB; never for extended headers.
                    size = paxSize >= 0 ? paxSize : size;
                    start(size);
                    return new Entry(name, false, size);
                }
                case '5' -> {
                    size = paxSize >= 0 ? paxSize : size;
                    if (size != 0) {
                        throw new ArchiveProblem(name, "is a folder entry with " + size + " bytes of data, which tar does not allow");
                    }
                    start(0);
                    return new Entry(name, true, 0);
                }
                case 'L' -> {
                    longName = stripNuls(readExtended(name, size, MAX_LONG_NAME, "GNU long name"), name);
                    pending = "a GNU long-name header";
                }
                case 'K' -> {
                    // The link name of a following link entry; that entry is refused with its own name.
                    readExtended(name, size, MAX_LONG_NAME, "GNU long link name");
                    pending = "a GNU long-link-name header";
                }
                case 'x' -> {
                    byte[] pax = readExtended(name, size, MAX_PAX, "PAX extended header");
                    for (String[] record : paxRecords(pax, name)) {
                        switch (record[0]) {
                            case "path" -> paxPath = record[1];
                            case "size" -> paxSize = paxSize(record[1], name);
                            default -> {
                                // Times, owners, charset and vendor keys do not change what is extracted.
                            }
                        }
                    }
                    pending = "a PAX extended header";
                }
                case 'g' -> {
                    // Global headers (git archive writes one with the commit id) are checked, then ignored.
                    paxRecords(readExtended(name, size, MAX_PAX, "PAX global header"), name);
                }
                case '1' -> throw new ArchiveProblem(name, "is a hard link (to '" + cString(157, 100, headerOffset)
                        + "'); djx extracts only files and folders");
                case '2' -> throw new ArchiveProblem(name, "is a symbolic link (to '" + cString(157, 100, headerOffset)
                        + "'); djx extracts only files and folders");
                case '3' -> throw new ArchiveProblem(name, "is a character device; djx extracts only files and folders");
                case '4' -> throw new ArchiveProblem(name, "is a block device; djx extracts only files and folders");
                case '6' -> throw new ArchiveProblem(name, "is a FIFO (named pipe); djx extracts only files and folders");
                case 'S' -> throw new ArchiveProblem(name, "is a GNU sparse file, which djx does not extract; re-create the archive without --sparse");
                case 'M', 'V' -> throw new ArchiveProblem(name, "is part of a GNU multi-volume archive, which djx does not extract");
                default -> throw new ArchiveProblem(name, "has the tar entry type '" + printable(type)
                        + "', which djx does not extract; it extracts files (0) and folders (5)");
            }
        }
    }

    /** Returns the current file's bytes; reading past its end returns -1. */
    InputStream data() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining == 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n < 0) {
                    throw new EOFException("the archive ends in the middle of an entry, " + remaining
                            + " bytes short; it is truncated");
                }
                remaining -= n;
                offset += n;
                return n;
            }
        };
    }

    private static final byte[] USTAR_POSIX = {'u', 's', 't', 'a', 'r', 0};
    private static final byte[] USTAR_GNU = {'u', 's', 't', 'a', 'r', ' ', ' ', 0};

    private void start(long size) {
        remaining = size;
        padding = (BLOCK - size % BLOCK) % BLOCK;
    }

    private void skipRest() throws IOException {
        skip(remaining);
        remaining = 0;
        skip(padding);
        padding = 0;
    }

    private void skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        while (n > 0) {
            int got = in.read(buffer, 0, (int) Math.min(buffer.length, n));
            if (got < 0) {
                throw new EOFException("the archive ends in the middle of an entry; it is truncated");
            }
            n -= got;
            offset += got;
        }
    }

    /** Reads a header block; returns false at the end-of-archive marker. */
    private boolean readHeader(String pending) throws IOException, ArchiveProblem {
        int n = in.readNBytes(header, 0, BLOCK);
        offset += n;
        if (n == 0) {
            throw new ArchiveProblem(null, "the archive ends at byte " + offset + " without its end-of-archive marker"
                    + (pending == null ? "" : " (after " + pending + ")") + "; it is truncated");
        }
        if (n < BLOCK) {
            throw new ArchiveProblem(null, "the archive ends in the middle of a header at byte " + (offset - n) + "; it is truncated");
        }
        for (byte b : header) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    private void checkChecksum(long headerOffset, String name) throws ArchiveProblem {
        long stored;
        try {
            stored = octal(148, 8, name, "checksum");
        } catch (ArchiveProblem e) {
            throw new ArchiveProblem(name, "header at byte " + headerOffset + " " + e.getMessage().substring(4)
                    + "; the archive is damaged or not a tar archive");
        }
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = i >= 148 && i < 156 ? ' ' : header[i];
            unsigned += b & 0xff;
            signed += b;
        }
        // Some old writers summed signed bytes; both sums are accepted, as GNU tar does.
        if (stored != unsigned && stored != signed) {
            throw new ArchiveProblem(name, "header at byte " + headerOffset + " has the checksum " + stored
                    + " but its bytes sum to " + unsigned + "; the archive is damaged or not a tar archive");
        }
    }

    private byte[] readExtended(String name, long size, int max, String what) throws IOException, ArchiveProblem {
        if (++extendedHeaders > maxHeaders) {
            throw new ArchiveProblem(name, "is one extended header too many: the limit is " + maxHeaders);
        }
        if (size > max) {
            throw new ArchiveProblem(name, "is a " + what + " of " + size + " bytes, more than the " + max + " djx reads");
        }
        byte[] data = new byte[(int) size];
        int n = in.readNBytes(data, 0, data.length);
        offset += n;
        if (n < size) {
            throw new EOFException("the archive ends in the middle of a " + what + "; it is truncated");
        }
        metadataBytes += size;
        start(size);
        remaining = 0;
        skip(padding);
        padding = 0;
        return data;
    }

    private List<String[]> paxRecords(byte[] data, String name) throws ArchiveProblem {
        List<String[]> records = new ArrayList<>();
        int pos = 0;
        while (pos < data.length) {
            int space = pos;
            while (space < data.length && data[space] >= '0' && data[space] <= '9' && space - pos < 10) {
                space++;
            }
            if (space == pos || space >= data.length || data[space] != ' ') {
                throw new ArchiveProblem(name, "has a malformed PAX record at offset " + pos + " (expected 'LENGTH key=value\\n')");
            }
            int length = Integer.parseInt(new String(data, pos, space - pos, StandardCharsets.US_ASCII));
            int end = pos + length;
            if (length <= space - pos + 1 || end > data.length || data[end - 1] != '\n') {
                throw new ArchiveProblem(name, "has a malformed PAX record at offset " + pos + " (its length " + length
                        + " does not end at a newline)");
            }
            String record = utf8(data, space + 1, end - 1 - (space + 1), name);
            int equals = record.indexOf('=');
            if (equals <= 0) {
                throw new ArchiveProblem(name, "has a PAX record without 'key=': '" + record + "'");
            }
            records.add(new String[] {record.substring(0, equals), record.substring(equals + 1)});
            pos = end;
        }
        return records;
    }

    private static long paxSize(String value, String name) throws ArchiveProblem {
        if (!value.matches("[0-9]{1,18}")) {
            throw new ArchiveProblem(name, "has the PAX size '" + value + "', which is not a decimal byte count");
        }
        return Long.parseLong(value);
    }

    private void checkTrailer() throws IOException, ArchiveProblem {
        // Writers pad the archive to a whole record with zeros; anything else there is refused, and
        // reading to the end lets GZIPInputStream check the CRC of a .tar.gz.
        byte[] buffer = new byte[8192];
        long seen = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            for (int i = 0; i < n; i++) {
                if (buffer[i] != 0) {
                    throw new ArchiveProblem(null, "the archive has data after its end-of-archive marker, at byte " + (offset + seen + i));
                }
            }
            seen += n;
            if (seen > MAX_TRAILER) {
                throw new ArchiveProblem(null, "the archive has more than " + MAX_TRAILER + " bytes of padding after its end-of-archive marker");
            }
        }
    }

    private long octal(int from, int length, String name, String field) throws ArchiveProblem {
        if ((header[from] & 0x80) != 0) {
            throw new ArchiveProblem(name, "has a base-256 " + field + " field (a size of 8 GiB or more), which djx does not extract");
        }
        int i = from;
        int end = from + length;
        while (i < end && header[i] == ' ') {
            i++;
        }
        long value = 0;
        int digits = 0;
        while (i < end && header[i] >= '0' && header[i] <= '7') {
            value = value * 8 + (header[i] - '0');
            digits++;
            i++;
        }
        boolean terminated = true;
        for (; i < end; i++) {
            terminated &= header[i] == ' ' || header[i] == 0;
        }
        if (digits == 0 || !terminated) {
            throw new ArchiveProblem(name, "has an invalid " + field + " field '"
                    + printable(new String(header, from, length, StandardCharsets.ISO_8859_1)) + "' (expected octal digits)");
        }
        return value;
    }

    private String cString(int from, int length, long headerOffset) throws ArchiveProblem {
        int end = from;
        while (end < from + length && header[end] != 0) {
            end++;
        }
        return utf8(header, from, end - from, "(header at byte " + headerOffset + ")");
    }

    private static String stripNuls(byte[] data, String name) throws ArchiveProblem {
        int end = data.length;
        while (end > 0 && data[end - 1] == 0) {
            end--;
        }
        return utf8(data, 0, end, name);
    }

    private static String utf8(byte[] data, int from, int length, String name) throws ArchiveProblem {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, from, length)).toString();
        } catch (CharacterCodingException e) {
            throw new ArchiveProblem(name, "has a name that is not valid UTF-8");
        }
    }

    private static String printable(char c) {
        return c >= 0x21 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c);
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return sb.toString();
    }
}
