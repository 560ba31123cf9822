/**
 * The plugin test kit: gradient checks for layers and losses, golden-value checks for optimizers and
 * distribution checks for initializers, runnable against any plugin.
 *
 * <p>It requires the api transitively because its public methods take and return api types
 * (factories, {@code Config}, {@code Tensor}); a plugin's tests that read this module read the api too.
 */
module org.djx.testkit {
    requires transitive org.djx.api;

    exports org.djx.testkit;
}
