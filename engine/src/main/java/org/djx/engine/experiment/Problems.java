package org.djx.engine.experiment;

import java.util.ArrayList;
import java.util.List;
import org.djx.engine.json.InvalidDocumentException;
import org.djx.engine.json.JsonDocument;
import org.djx.engine.json.Problem;

/** Collects the problems of one document so that all of them are reported together. */
final class Problems {
    private final JsonDocument document;
    private final List<Problem> found = new ArrayList<>();

    Problems(JsonDocument document) {
        this.document = document;
    }

    JsonDocument document() {
        return document;
    }

    void add(String path, String message) {
        found.add(document.problem(path, message));
    }

    void addAll(InvalidDocumentException e) {
        found.addAll(e.problems());
    }

    int count() {
        return found.size();
    }

    /** Throws every problem found so far as one exception, if there is any. */
    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidDocumentException(found);
        }
    }
}
