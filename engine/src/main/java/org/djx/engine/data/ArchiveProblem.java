package org.djx.engine.data;

/** Why an archive is refused: the entry concerned (null for the archive as a whole) and the rule it breaks. */
final class ArchiveProblem extends Exception {
    private static final long serialVersionUID = 1L;

    private final String entry;

    ArchiveProblem(String entry, String reason) {
        super(reason);
        this.entry = entry;
    }

    /** Returns the name of the entry concerned, or null when the problem is the archive's as a whole. */
    String entry() {
        return entry;
    }
}
