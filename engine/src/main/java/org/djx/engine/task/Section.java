package org.djx.engine.task;

import java.util.Objects;
import org.djx.api.spi.Plugin;

/**
 * A named value of an experiment file that a task reads: a top-level section such as
 * {@code training}, or a value nested in one, such as the classifier's {@code optimizer}.
 *
 * @param name        the JSON key
 * @param description one sentence for {@code djx describe} and the schema
 * @param form        what the value looks like
 * @param example     a short JSON example, for the message when the value is missing
 * @param required    whether a file must have it; an optional one (a learning-rate schedule) may be left out
 */
public record Section(String name, String description, Form form, String example, boolean required) {
    public Section {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(example, "example");
        if (!Plugin.isValidName(name)) {
            throw new IllegalArgumentException("section name '" + name + "' is not kebab-case");
        }
    }

    /** A section every file of the task must have. */
    public Section(String name, String description, Form form, String example) {
        this(name, description, form, example, true);
    }

    /** Returns this section as one a file may leave out. */
    public Section optional() {
        return new Section(name, description, form, example, false);
    }
}
