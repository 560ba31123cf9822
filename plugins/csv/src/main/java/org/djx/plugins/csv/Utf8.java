package org.djx.plugins.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.djx.api.DataException;

/**
 * Decodes a file's bytes as UTF-8, strictly: a byte sequence that is not UTF-8 is an error with its
 * place, never a silent U+FFFD. A leading byte-order mark is dropped, so that it cannot become part of
 * the first column's name.
 */
final class Utf8 {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Utf8() {
    }

    /**
     * Returns the text of {@code bytes} without a leading byte-order mark.
     *
     * @throws DataException naming the byte, its offset, line, record and column if the bytes are not
     *                       UTF-8
     */
    static String decode(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never needs more chars than bytes
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            throw notUtf8(file, bytes, in.position(), out);
        }
        int start = out.length() > 0 && out.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
        return out.subSequence(start, out.length()).toString();
    }

    private static DataException notUtf8(Path file, byte[] bytes, int offset, CharSequence before) {
        CharSequence prefix = before.length() > 0 && before.charAt(0) == BYTE_ORDER_MARK
                ? before.subSequence(1, before.length()) : before;
        CsvScanner.Result scan = CsvScanner.scan(prefix, false);
        CsvScanner.Position at = scan.end();
        Place place = Place.of(file, at.line(), at.record());
        List<String> header = scan.header();
        if (at.record() == 1) {
            place = new Place(file, at.line(), at.record(), null, at.field());
        } else if (at.field() <= header.size()) {
            place = place.column(header.get(at.field() - 1), at.field());
        } else {
            place = new Place(file, at.line(), at.record(), null, at.field());
        }
        String hint = offset <= 1 && bytes.length >= 2
                && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                        || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)
                ? " (the file starts with a UTF-16 byte-order mark)" : "";
        return place.problem(
                String.format(Locale.ROOT, "byte 0x%02X at byte offset %d is not valid UTF-8%s",
                        bytes[offset] & 0xFF, offset, hint),
                "UTF-8 text",
                "Save the file as UTF-8 (it may be Latin-1 or Windows-1252), or fetch it again if it should be the data hub's copy.");
    }
}
