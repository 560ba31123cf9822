package org.djx.engine.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.djx.api.spi.Plugin;

/** Every task an experiment file can name, by name. */
public final class TaskRegistry {
    private final Map<String, Task> tasks = new LinkedHashMap<>();

    /**
     * @throws IllegalArgumentException if two tasks share a name, a name is not kebab-case, or a task
     *                                  lists a section twice
     */
    public TaskRegistry(List<? extends Task> tasks) {
        for (Task t : tasks) {
            if (!Plugin.isValidName(t.name())) {
                throw new IllegalArgumentException("task name '" + t.name() + "' is not kebab-case");
            }
            Task before = this.tasks.putIfAbsent(t.name(), t);
            if (before != null) {
                throw new IllegalArgumentException("two tasks are named '" + t.name() + "': " + before.getClass().getName()
                        + " and " + t.getClass().getName());
            }
            List<String> names = t.sections().stream().map(Section::name).toList();
            if (new TreeSet<>(names).size() != names.size()) {
                throw new IllegalArgumentException("task '" + t.name() + "' lists a section twice: " + names);
            }
        }
    }

    /** Returns the task named {@code name}, if any. */
    public Optional<Task> find(String name) {
        return Optional.ofNullable(tasks.get(name));
    }

    /** Returns every task, in registration order. */
    public List<Task> all() {
        return List.copyOf(tasks.values());
    }

    /** Returns every task name, in registration order. */
    public List<String> names() {
        return List.copyOf(tasks.keySet());
    }

    /** Returns the name of every section some task uses, sorted. */
    public List<String> sectionNames() {
        TreeSet<String> names = new TreeSet<>();
        tasks.values().forEach(t -> t.sections().forEach(s -> names.add(s.name())));
        return new ArrayList<>(names);
    }
}
