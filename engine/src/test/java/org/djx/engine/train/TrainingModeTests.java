package org.djx.engine.train;

import org.djx.engine.spec.EpochLoss;
import org.djx.engine.spec.TrainerOptions;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.djx.api.DType;
import org.djx.api.Parameter;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.api.spi.Layer;
import org.djx.api.spi.Loss;
import org.djx.api.spi.Optimizer;
import org.djx.engine.model.Network;
import org.djx.engine.model.TestNetworks;
import org.junit.jupiter.api.Test;

/**
 * Which mode each layer is in when it computes: training for the passes of the optimizer's steps,
 * evaluation for everything else (a fresh network, the epoch's full pass, what a listener evaluates).
 */
class TrainingModeTests {
    /** y = a x with one weight, recording its mode ("train", "eval" or "unset") at every forward. */
    private static final class RecordingLayer implements Layer {
        final List<String> modes = new ArrayList<>();
        private final Parameter a = new Parameter("a", Parameter.Role.WEIGHT, Shape.of(1, 1), 1, 1);
        private Boolean training;
        private Tensor input;

        @Override
        public int outputFeatures() {
            return 1;
        }

        @Override
        public Tensor forward(Tensor x) {
            modes.add(training == null ? "unset" : training ? "train" : "eval");
            input = x;
            Tensor y = Tensor.zeros(x.rows(), 1);
            for (int r = 0; r < x.rows(); r++) {
                y.set(r, a.value().get(0) * x.get(r));
            }
            return y;
        }

        @Override
        public Tensor backward(Tensor dy) {
            double g = 0;
            for (int r = 0; r < dy.rows(); r++) {
                g += dy.get(r) * input.get(r);
            }
            a.gradient().set(0, g);
            return dy;
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(a);
        }

        @Override
        public void setTraining(boolean training) {
            this.training = training;
        }
    }

    /** Half the mean squared error, with its gradient. */
    private static final Loss HALF_SQUARED = (p, t, w, g) -> {
        double sum = 0;
        for (int i = 0; i < p.rows(); i++) {
            double d = p.get(i) - t.get(i);
            sum += d * d / 2;
            if (g != null) {
                g.set(i, d / p.rows());
            }
        }
        return sum / p.rows();
    };

    private static final Tensor INPUTS = Tensor.matrix(new double[][] {{1}, {2}, {3}, {4}});
    private static final Tensor TARGETS = Tensor.matrix(new double[][] {{2}, {4}, {6}, {8}});

    private static Optimizer sgd(Network network) {
        Parameter a = network.parameters().get(0);
        return () -> a.value().set(0, a.value().get(0) - 0.01 * a.gradient().get(0));
    }

    @Test
    void aFreshNetworkEvaluatesInEvaluationMode() {
        RecordingLayer layer = new RecordingLayer();
        Network network = TestNetworks.of(1, DType.FLOAT64, List.of(layer));

        network.forward(INPUTS);

        assertThat(layer.modes).containsExactly("eval");
    }

    @Test
    void trainingStepsRunInTrainingModeAndTheFullPassAndTheListenerInEvaluationMode() {
        RecordingLayer layer = new RecordingLayer();
        Network network = TestNetworks.of(1, DType.FLOAT64, List.of(layer));
        Trainer.Listener evaluating = new Trainer.Listener() {
            @Override
            public void epochEnded(int epoch, double loss, Tensor predictions) {
                network.forward(INPUTS);
            }

            @Override
            public void firstStepTaken(double batchLoss, Network trained) {
                trained.forward(INPUTS);
            }
        };

        new Trainer(new TrainerOptions(2, 2, false, Double.NaN, EpochLoss.FULL_PASS)).train(network, HALF_SQUARED, sgd(network),
                INPUTS, TARGETS, new SplittableRandom(1), evaluating);
        network.forward(INPUTS);

        // Per epoch: two batches of 2 rows, then the full pass, then the listener; the first step's
        // listener call sits between the epoch's two batches.
        assertThat(layer.modes).containsExactly(
                "train", "eval", "train", "eval", "eval",
                "train", "train", "eval", "eval",
                "eval");
    }

    @Test
    void withABatchMeanEpochLossTheListenerStillEvaluatesInEvaluationMode() {
        RecordingLayer layer = new RecordingLayer();
        Network network = TestNetworks.of(1, DType.FLOAT64, List.of(layer));

        new Trainer(new TrainerOptions(2, 4, false, Double.NaN, EpochLoss.BATCH_MEAN))
                .train(network, HALF_SQUARED, sgd(network), INPUTS, TARGETS, new SplittableRandom(1),
                        (epoch, loss, predictions) -> network.forward(INPUTS));

        assertThat(layer.modes).containsExactly("train", "eval", "train", "eval");
    }
}
