/**
 * Built-in optimizers (stochastic gradient descent with optional momentum, Adam and AdamW, with
 * PyTorch's weight decay) and learning-rate schedules (step decay, cosine annealing, linear warm-up).
 *
 * <p>Like every plugin it exports nothing: the engine reaches it through its providers alone.
 */
module org.djx.plugins.optim {
    requires org.djx.api;

    provides org.djx.api.spi.OptimizerFactory with
            org.djx.plugins.optim.SgdOptimizerFactory,
            org.djx.plugins.optim.AdamOptimizerFactory,
            org.djx.plugins.optim.AdamWOptimizerFactory;
    provides org.djx.api.spi.ScheduleFactory with
            org.djx.plugins.optim.StepScheduleFactory,
            org.djx.plugins.optim.CosineScheduleFactory,
            org.djx.plugins.optim.LinearWarmupScheduleFactory;
}
