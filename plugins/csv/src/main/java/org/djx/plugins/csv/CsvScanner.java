package org.djx.plugins.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks CSV text the way RFC 4180 (and commons-csv) splits it, to say where something is: which line,
 * record and field a character offset falls in, and where a quoting fault lies.
 *
 * <p>It runs only after something has failed, because commons-csv reports a quoting fault with a
 * character offset and no field, and a bad byte has no record at all until someone counts.
 */
final class CsvScanner {
    /** A quoting fault, as commons-csv rejects it. */
    enum Fault {
        NONE,
        /** A quoted field runs to the end of the file. */
        UNCLOSED_QUOTE,
        /** Something other than a comma, a line break or blanks follows a closing quote. */
        TEXT_AFTER_QUOTE
    }

    /**
     * A position in the text.
     *
     * @param line   the line, from 1
     * @param record the record, from 1 (the header is record 1)
     * @param field  the field within the record, from 1
     */
    record Position(long line, long record, int field) {
    }

    /**
     * What a scan found.
     *
     * @param end     the position just after the scanned text
     * @param fault   the first quoting fault, or {@link Fault#NONE}
     * @param faultAt where it is (the opening quote of an unclosed field; the character after a closing
     *                quote), or null when there is none
     * @param header  the fields of the first record, as far as the text goes
     */
    record Result(Position end, Fault fault, Position faultAt, List<String> header) {
        Result {
            header = List.copyOf(header);
        }
    }

    private CsvScanner() {
    }

    /**
     * Scans {@code text}.
     *
     * @param wholeFile whether the text is the whole file, so that a quote still open at its end is a
     *                  fault; false for a prefix (the text before a bad byte)
     */
    static Result scan(CharSequence text, boolean wholeFile) {
        int n = text.length();
        long line = 1;
        long record = 1;
        int field = 1;
        boolean atFieldStart = true;
        boolean quoted = false;
        boolean afterClosingQuote = false;
        Fault fault = Fault.NONE;
        Position faultAt = null;
        Position quoteOpenedAt = null;
        List<String> header = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            // "\r\n" is one line break: it is counted at the '\n'.
            boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 == n || text.charAt(i + 1) != '\n'));
            if (quoted) {
                if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
                    i++;
                    append(name, record, '"');
                } else if (c == '"') {
                    quoted = false;
                    afterClosingQuote = true;
                } else {
                    append(name, record, c);
                }
            } else if (c == ',' || lineBreak) {
                if (record == 1) {
                    header.add(name.toString());
                    name.setLength(0);
                }
                if (c == ',') {
                    field++;
                } else {
                    record++;
                    field = 1;
                }
                atFieldStart = true;
                afterClosingQuote = false;
            } else if (c == '\r') {
                // the '\r' of "\r\n": the '\n' ends the record
                continue;
            } else if (afterClosingQuote) {
                // commons-csv skips blanks between a closing quote and the delimiter
                if (!Character.isWhitespace(c) && fault == Fault.NONE) {
                    fault = Fault.TEXT_AFTER_QUOTE;
                    faultAt = new Position(line, record, field);
                }
            } else if (c == '"' && atFieldStart) {
                quoted = true;
                atFieldStart = false;
                quoteOpenedAt = new Position(line, record, field);
            } else {
                atFieldStart = false;
                append(name, record, c);
            }
            if (lineBreak) {
                line++;
            }
        }
        if (wholeFile && quoted && fault == Fault.NONE) {
            fault = Fault.UNCLOSED_QUOTE;
            faultAt = quoteOpenedAt;
        }
        if (record == 1) {
            header.add(name.toString());
        }
        return new Result(new Position(line, record, field), fault, faultAt, header);
    }

    private static void append(StringBuilder name, long record, char c) {
        if (record == 1) {
            name.append(c);
        }
    }
}
