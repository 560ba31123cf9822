/**
 * Built-in layers (linear, sigmoid, tanh, relu, identity, dropout) and losses (mse, half-squared-error,
 * bce-with-logits, softmax-cross-entropy).
 *
 * <p>Like every plugin it exports nothing: the engine reaches it through its providers alone.
 */
module org.djx.plugins.nn {
    requires org.djx.api;

    provides org.djx.api.spi.LayerFactory with
            org.djx.plugins.nn.LinearLayerFactory,
            org.djx.plugins.nn.SigmoidLayerFactory,
            org.djx.plugins.nn.TanhLayerFactory,
            org.djx.plugins.nn.ReluLayerFactory,
            org.djx.plugins.nn.IdentityLayerFactory,
            org.djx.plugins.nn.DropoutLayerFactory;
    provides org.djx.api.spi.LossFactory with
            org.djx.plugins.nn.MseLossFactory,
            org.djx.plugins.nn.HalfSquaredErrorLossFactory,
            org.djx.plugins.nn.BceWithLogitsLossFactory,
            org.djx.plugins.nn.SoftmaxCrossEntropyLossFactory;
}
