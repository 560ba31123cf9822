/**
 * The djx engine: kernels, networks, the training loop, experiment files, the plugin registry, and the
 * {@code djx} launcher. It exports one package, {@code org.djx.engine.serving}: a saved model, loaded to predict
 * from plain Java.
 */
module org.djx.engine {
    requires transitive org.djx.api;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    requires java.desktop;
    requires java.net.http;

    exports org.djx.engine.serving;

    // picocli reads the command classes' annotations reflectively.
    opens org.djx.engine.cli to info.picocli;

    uses org.djx.api.spi.LayerFactory;
    uses org.djx.api.spi.InitializerFactory;
    uses org.djx.api.spi.OptimizerFactory;
    uses org.djx.api.spi.LossFactory;
    uses org.djx.api.spi.DatasetSource;
    uses org.djx.api.spi.ScheduleFactory;
    // Found on the class path only (djx-spark): Spark is no module, so its executor never joins the module path.
    uses org.djx.engine.sweep.TrialExecutorProvider;
}
