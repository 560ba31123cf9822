package org.djx.engine.task;

import java.util.Map;
import org.djx.engine.model.Network;
import org.djx.engine.plugin.PluginKind;
import org.djx.engine.spec.ComponentSpec;
import org.djx.engine.spec.ModelSpec;

/**
 * What a task reads its experiment from: its sections, already bound to their forms, and a place to
 * report what is wrong with them together. Every problem is reported with its JSON path; the reader
 * adds the file and line:column.
 */
public interface TaskInput {
    /**
     * Returns the bound section {@code name}, or null when it had a problem (already reported) or, for an
     * optional section, when the file leaves it out ({@link #has} tells the two apart).
     */
    Bound section(String name);

    /** Returns whether the file has the section {@code name}, bound or with a problem. */
    boolean has(String name);

    /** Returns the experiment's seed, for a probe that draws. */
    long seed();

    /** Reports a problem at {@code path}, such as {@code $.data.targets}. */
    void problem(String path, String message);

    /** Returns how many problems the experiment has so far. */
    int problems();

    /**
     * Returns a plugin the task uses without the file naming it (the classifier's
     * {@code bce-with-logits}), configured as if the file said {@code {"type": type, ...config}} at
     * {@code path}; null after reporting that it is not installed or rejects the configuration.
     *
     * @param why why the task needs it, for the message when it is missing
     */
    ComponentSpec builtIn(PluginKind kind, String type, Map<String, Object> config, String path, String why);

    /**
     * Runs {@code check}, which calls into plugins, and reports what it throws: a refusal a plugin places at
     * one of its keys ({@code config.error}) at that key, any other refusal or plugin failure at
     * {@code path}; returns whether it ran without a problem.
     */
    boolean check(String path, Runnable check);

    /**
     * Builds {@code model} for {@code inputs} features, as a check that its plugins accept their
     * configuration and input; returns null after reporting why not.
     */
    Network probe(ModelSpec model, int inputs);

    /**
     * Builds {@code model} for a width that only stands in for the one the data will decide, and returns
     * null, reporting nothing, when a layer refuses it: such a layer is checked again with the real width.
     */
    Network tryProbe(ModelSpec model, int inputs);
}
