package org.djx.engine.archfixture;

import java.util.List;

/** Breaks no rule; imported next to a fixture that a rule's {@code that()} leaves out. */
public final class Harmless {
    public List<String> names() {
        return List.of("harmless");
    }
}
