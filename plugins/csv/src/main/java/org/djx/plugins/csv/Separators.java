package org.djx.plugins.csv;

import java.util.List;

/**
 * Recognises a file written with another separator than the comma, such as a spreadsheet's export in a
 * locale whose decimal separator is the comma: djx reads its whole header as one column, and the
 * messages about that column would otherwise leave the user guessing why.
 */
final class Separators {
    private Separators() {
    }

    /**
     * Returns a hint for a header of a single column whose name holds ';' or a tab, or null for any
     * other header.
     */
    static String hint(List<String> header) {
        if (header.size() != 1) {
            return null;
        }
        String name = header.get(0);
        String separator = name.contains(";") ? "';'" : name.contains("\t") ? "tabs" : null;
        return separator == null ? null : "djx reads comma-separated files, and this one seems to use " + separator
                + " as separator: save it with commas between the fields.";
    }

    /** Returns the hint for this header, or {@code otherwise} when there is none. */
    static String hintOr(List<String> header, String otherwise) {
        String hint = hint(header);
        return hint == null ? otherwise : hint;
    }
}
