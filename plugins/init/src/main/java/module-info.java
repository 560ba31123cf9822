/**
 * Built-in weight initializers: normal, uniform, Xavier (Glorot), He (Kaiming), zeros and constant.
 *
 * <p>Like every plugin it exports nothing: the engine reaches it through its providers alone.
 */
module org.djx.plugins.init {
    requires org.djx.api;

    provides org.djx.api.spi.InitializerFactory with
            org.djx.plugins.init.NormalInitializerFactory,
            org.djx.plugins.init.UniformInitializerFactory,
            org.djx.plugins.init.XavierNormalInitializerFactory,
            org.djx.plugins.init.XavierUniformInitializerFactory,
            org.djx.plugins.init.HeNormalInitializerFactory,
            org.djx.plugins.init.HeUniformInitializerFactory,
            org.djx.plugins.init.ZerosInitializerFactory,
            org.djx.plugins.init.ConstantInitializerFactory;
}
