package org.djx.engine.task;

import java.util.Objects;
import org.djx.api.spi.Plugin;

/**
 * A named value of an experiment file that a task requires: a top-level section such as
 * {@code training}, or a value nested in one, such as the classifier's {@code optimizer}.
 *
 * @param name        the JSON key
 * @param description one sentence for {@code djx describe} and the schema
 * @param form        what the value looks like
 * @param example     a short JSON example, for the message when the value is missing
 */
public record Section(String name, String description, Form form, String example) {
    public Section {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(example, "example");
        if (!Plugin.isValidName(name)) {
            throw new IllegalArgumentException("section name '" + name + "' is not kebab-case");
        }
    }
}
