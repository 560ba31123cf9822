/**
 * Built-in optimizers: plain stochastic gradient descent and Adam, both with PyTorch's weight decay.
 *
 * <p>Like every plugin it exports nothing: the engine reaches it through its providers alone.
 */
module org.djx.plugins.optim {
    requires org.djx.api;

    provides org.djx.api.spi.OptimizerFactory with
            org.djx.plugins.optim.SgdOptimizerFactory,
            org.djx.plugins.optim.AdamOptimizerFactory;
}
