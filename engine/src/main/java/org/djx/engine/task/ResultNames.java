package org.djx.engine.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The names of the results a job will produce, known when the file is read: an expectation that names
 * anything else is refused then, not after the run. Some names depend on the data (one per feature);
 * they are declared by the prefix they share.
 */
public final class ResultNames {
    private final Set<String> exact;
    private final List<String> prefixes;

    private ResultNames(Set<String> exact, List<String> prefixes) {
        this.exact = exact;
        this.prefixes = prefixes;
    }

    /** Returns these names. */
    public static ResultNames of(String... names) {
        return new ResultNames(new LinkedHashSet<>(List.of(names)), List.of());
    }

    /** Returns these names and {@code more}. */
    public ResultNames and(String... more) {
        return and(List.of(more));
    }

    /** Returns these names and {@code more}. */
    public ResultNames and(Collection<String> more) {
        Set<String> all = new LinkedHashSet<>(exact);
        all.addAll(more);
        return new ResultNames(all, prefixes);
    }

    /** Returns these names and every name that starts with {@code prefix}, for results the data names. */
    public ResultNames andAnyStartingWith(String prefix) {
        List<String> all = new ArrayList<>(prefixes);
        all.add(Objects.requireNonNull(prefix, "prefix"));
        return new ResultNames(exact, List.copyOf(all));
    }

    /** Returns whether a job with these names may produce result {@code name}. */
    public boolean has(String name) {
        return exact.contains(name) || prefixes.stream().anyMatch(name::startsWith);
    }

    /** Returns the names, a prefix written as {@code feature-auc/...}, in the order they were declared. */
    public List<String> listing() {
        List<String> all = new ArrayList<>(exact);
        prefixes.forEach(p -> all.add(p + "..."));
        return all;
    }

    /** Returns the exact names, for suggestions. */
    public List<String> exact() {
        return List.copyOf(exact);
    }
}
