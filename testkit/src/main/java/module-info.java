/**
 * The plugin test kit: gradient checks for layers and losses, golden-value checks for optimizers and
 * learning-rate schedules, distribution checks for initializers, and djx's architecture rules for
 * plugins, runnable against any plugin.
 *
 * <p>It requires the api transitively because its public methods take and return api types
 * (factories, {@code Config}, {@code Tensor}); a plugin's tests that read this module read the api too.
 * ArchUnit is needed only by {@code PluginArchitecture}, so the kit requires it statically: a plugin
 * that runs the architecture rules puts ArchUnit on its test path, the others need not.
 */
module org.djx.testkit {
    requires transitive org.djx.api;
    requires static com.tngtech.archunit;

    exports org.djx.testkit;

    // PluginArchitecture.checkNames discovers a plugin's providers as djx does.
    uses org.djx.api.spi.LayerFactory;
    uses org.djx.api.spi.InitializerFactory;
    uses org.djx.api.spi.OptimizerFactory;
    uses org.djx.api.spi.LossFactory;
    uses org.djx.api.spi.DatasetSource;
    uses org.djx.api.spi.ScheduleFactory;
}
