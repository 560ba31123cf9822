package org.djx.engine.json;

/**
 * A place in a text file, both counted from 1.
 *
 * @param line   the line number
 * @param column the column number, in characters
 */
public record Location(int line, int column) {
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
