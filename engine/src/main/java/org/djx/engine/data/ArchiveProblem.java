package org.djx.engine.data;

import org.djx.api.DataException;

/** Why an archive is refused (caught inside the package and reported as a plain DataException): the entry concerned (null for the archive as a whole) and the rule it breaks. */
final class ArchiveProblem extends DataException {
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
