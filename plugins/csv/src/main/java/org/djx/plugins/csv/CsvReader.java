package org.djx.plugins.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.djx.api.DataException;

/**
 * Reads a CSV file strictly into a {@link CsvFile}: UTF-8 only, RFC 4180 quoting, a header of unique
 * names, every record as long as the header, bounded sizes.
 *
 * <p>The file is read whole before anything is returned, so a caller never sees the records before a
 * faulty one. Every failure is a {@link DataException} naming the file, the line, the record and the
 * column.
 */
final class CsvReader {
    /** The reader djx uses: files up to 256 MiB, fields up to 1 MiB, a million records. */
    static final CsvReader DEFAULT = new CsvReader(256L << 20, 1 << 20, 1_000_000);

    // commons-csv's RFC 4180 with every leniency that could hide a mistake pinned off.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .setAllowMissingColumnNames(false)
            .setIgnoreHeaderCase(false)
            // an empty line is a record of one empty field, which then fails the length check
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(false)
            .setTrim(false)
            .setLenientEof(false)
            .setTrailingData(false)
            .setTrailingDelimiter(false)
            .get();

    private final long maxBytes;
    private final int maxFieldChars;
    private final int maxRecords;

    CsvReader(long maxBytes, int maxFieldChars, int maxRecords) {
        this.maxBytes = maxBytes;
        this.maxFieldChars = maxFieldChars;
        this.maxRecords = maxRecords;
    }

    /**
     * Reads {@code file}.
     *
     * @throws DataException if it cannot be read, is not UTF-8, is not well-formed CSV, has a bad
     *                       header, a record of the wrong length, or exceeds a size bound
     */
    CsvFile read(Path file) {
        String text = Utf8.decode(file, readBytes(file));
        if (text.isEmpty()) {
            throw Place.of(file).problem("the file is empty",
                    "a header line naming the columns, then one record per line",
                    "Fetch the file again or check that the right file is configured.");
        }
        List<String[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<String> header;
        long line = 1;
        try (CSVParser parser = parse(file, text)) {
            header = parser.getHeaderNames();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                Place place = Place.of(file, line, record.getRecordNumber() + 1);
                if (rows.size() == maxRecords) {
                    throw place.problem("the file has more than " + maxRecords + " records",
                            "at most " + maxRecords + " records after the header",
                            "Check that this is the file you meant; this reader is sized for Kaggle-style tables.");
                }
                String[] cells = record.values();
                checkLength(place, header, cells);
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c].length() > maxFieldChars) {
                        throw place.column(header.get(c), c + 1).problem(
                                "the field is " + cells[c].length() + " characters long",
                                "at most " + maxFieldChars + " characters in a field",
                                "Check for a stray quote that swallows the following lines.");
                    }
                }
                rows.add(cells);
                lines.add(line);
            }
        } catch (UncheckedIOException e) {
            throw malformed(file, text, line, e.getCause());
        } catch (IOException e) {
            throw malformed(file, text, line, e);
        }
        if (rows.isEmpty()) {
            throw Place.of(file, 1, 1).problem("the file has a header but no records",
                    "at least one record after the header line",
                    "Fetch the file again or check that the right file is configured.");
        }
        return new CsvFile(file, header, rows, lines.stream().mapToLong(Long::longValue).toArray());
    }

    private byte[] readBytes(Path file) {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw tooLarge(file, size);
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > maxBytes) {
                throw tooLarge(file, bytes.length);
            }
            return bytes;
        } catch (IOException e) {
            throw new DataException(file + ": cannot read the file (" + e + "); expected a readable file."
                    + " Check that it exists and that djx may read it.", e);
        }
    }

    private DataException tooLarge(Path file, long size) {
        return Place.of(file).problem("the file is " + size + " bytes long",
                "at most " + maxBytes + " bytes",
                "Check that this is the file you meant; this reader is sized for Kaggle-style tables.");
    }

    private static CSVParser parse(Path file, String text) throws IOException {
        try {
            return FORMAT.parse(new StringReader(text));
        } catch (IllegalArgumentException e) {
            // commons-csv rejects a blank or repeated header name here; say which, and where
            throw badHeader(file, text, e);
        }
    }

    private static DataException badHeader(Path file, String text, IllegalArgumentException cause) {
        List<String> names = CsvScanner.scan(text, false).header();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Place place = Place.of(file, 1, 1);
            if (name.isBlank()) {
                return new Place(file, 1, 1, null, i + 1).problem(
                        names.size() == 1 && name.isEmpty() ? "the header line is empty" : "the header has no name for this column",
                        "a header line with a non-blank name for every column",
                        "Name the column, or remove a trailing comma from the header line.");
            }
            Integer earlier = seen.putIfAbsent(name, i);
            if (earlier != null) {
                return place.column(name, i + 1).problem(
                        "the header names two columns " + Place.quote(name) + " (fields " + (earlier + 1) + " and " + (i + 1) + ")",
                        "unique column names",
                        "Rename or remove one of the two columns.");
            }
        }
        return Place.of(file, 1, 1).problem("the header is not valid: " + cause.getMessage(),
                "unique, non-blank column names", "Correct the header line.");
    }

    private static void checkLength(Place place, List<String> header, String[] cells) {
        if (cells.length == header.size()) {
            return;
        }
        String expected = Place.count(header.size(), "comma-separated field") + ", as in the header";
        // commons-csv reads an empty line as one empty field
        if (cells.length == 1 && cells[0].isEmpty()) {
            throw place.problem("the line is empty", expected, "Remove the empty line.");
        }
        Place at = cells.length < header.size()
                ? place.column(header.get(cells.length), cells.length + 1)
                : new Place(place.file(), place.line(), place.record(), null, header.size() + 1);
        String problem = cells.length < header.size()
                ? "the record has " + Place.count(cells.length, "field") + " and ends before this column"
                : "the record has " + cells.length + " fields, more than the " + Place.count(header.size(), "column")
                        + " of the header";
        throw at.problem(problem, expected, Separators.hintOr(header,
                "Look for a missing or extra comma, or a value with a comma that should be in double quotes."));
    }

    private static DataException malformed(Path file, String text, long line, Throwable cause) {
        CsvScanner.Result scan = CsvScanner.scan(text, true);
        CsvScanner.Position at = scan.faultAt();
        if (at == null) {
            // commons-csv failed on something the scanner does not know: keep its words
            return new DataException(file + ":" + line + ": " + cause.getMessage()
                    + "; expected RFC 4180 CSV. Correct the file near this line.", cause);
        }
        List<String> header = scan.header();
        Place place = at.record() > 1 && at.field() <= header.size()
                ? Place.of(file, at.line(), at.record()).column(header.get(at.field() - 1), at.field())
                : new Place(file, at.line(), at.record(), null, at.field());
        return switch (scan.fault()) {
            case UNCLOSED_QUOTE -> place.problem(
                    "the double quote that opens this field is never closed",
                    "a closing '\"' before the end of the file (a '\"' inside a quoted value is written '\"\"')",
                    "Close the quote, or double the quote characters inside the value.", cause);
            case TEXT_AFTER_QUOTE -> place.problem(
                    "text follows the closing double quote of this field",
                    "a comma or the end of the line right after a closing '\"'",
                    "Put the whole value in double quotes and write each '\"' inside it as '\"\"'.", cause);
            case NONE -> throw new IllegalStateException("a fault position without a fault");
        };
    }
}
