/**
 * The plugin test kit: contract checks that any djx plugin runs from its own tests, with any test
 * framework.
 *
 * <p>{@link org.djx.testkit.PluginConfig} configures a plugin from a plain map and
 * {@link org.djx.testkit.TestLayerContext} creates layers with the naive
 * {@link org.djx.testkit.ReferenceKernels}. The checks are static methods that throw
 * {@link java.lang.AssertionError} with a message naming the plugin, its configuration and what went
 * wrong: {@link org.djx.testkit.LayerChecks} and {@link org.djx.testkit.LossChecks} (gradients against
 * finite differences), {@link org.djx.testkit.OptimizerChecks} (trajectories on a
 * {@link org.djx.testkit.Quadratic}), {@link org.djx.testkit.ScheduleChecks} (each epoch's learning rate,
 * and an optimizer's trajectory under a schedule) and {@link org.djx.testkit.InitializerChecks} (sample
 * statistics).
 * {@link org.djx.testkit.PluginArchitecture} holds djx's architecture rules for plugins, for a plugin's
 * own build to run. The kit depends on the api alone, and {@code PluginArchitecture} on ArchUnit, which
 * a plugin that uses it adds to its test dependencies.
 */
package org.djx.testkit;
