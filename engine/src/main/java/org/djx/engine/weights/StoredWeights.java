package org.djx.engine.weights;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a weights file holds: named tensors and string metadata, both in the order the file gives them. */
public final class StoredWeights {
    private final Map<String, StoredTensor> tensors;
    private final Map<String, String> metadata;

    StoredWeights(Map<String, StoredTensor> tensors, Map<String, String> metadata) {
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** Returns the tensors by name, in the order of their data in the file; unmodifiable, possibly empty. */
    public Map<String, StoredTensor> tensors() {
        return tensors;
    }

    /** Returns the {@code __metadata__} entries in header order; unmodifiable, empty when the file has none. */
    public Map<String, String> metadata() {
        return metadata;
    }
}
