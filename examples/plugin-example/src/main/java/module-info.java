/**
 * djx extras: the {@code huber} loss, the {@code leaky-relu} layer and the {@code rmsprop} optimizer.
 *
 * <p>A plugin requires djx's api and nothing else of djx, exports nothing, and names its providers
 * here; djx loads the jar as a module and finds them through these {@code provides}. The same classes
 * are listed in META-INF/services, so the jar also works on a class path.
 */
module com.example.djx.extras {
    requires org.djx.api;

    provides org.djx.api.spi.LossFactory with com.example.djx.extras.HuberLossFactory;
    provides org.djx.api.spi.LayerFactory with com.example.djx.extras.LeakyReluLayerFactory;
    provides org.djx.api.spi.OptimizerFactory with com.example.djx.extras.RmspropOptimizerFactory;
}
