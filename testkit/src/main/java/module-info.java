/**
 * The plugin test kit: gradient checks for layers and losses, golden-value checks for optimizers and
 * distribution checks for initializers, runnable against any plugin.
 */
module org.djx.testkit {
    requires org.djx.api;

    exports org.djx.testkit;
}
