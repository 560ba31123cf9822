package org.djx.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.djx.api.DType;
import org.djx.api.DataException;
import org.djx.api.Parameter;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.djx.api.spi.Layer;
import org.djx.api.spi.Loss;
import org.djx.api.spi.Optimizer;
import org.djx.api.spi.OptimizerState;
import org.djx.engine.model.Network;
import org.djx.engine.model.TestNetworks;
import org.djx.engine.random.RandomStream;
import org.djx.engine.spec.EpochLoss;
import org.djx.engine.spec.TrainerOptions;
import org.junit.jupiter.api.Test;

/**
 * The trainer's side of checkpoints, on a one-weight model y = a x trained by gradient descent with momentum: where
 * it saves, that going on from a state gives the uninterrupted fit's numbers, and that a state of another fit is
 * refused as the checkpoint's fault.
 */
class TrainerCheckpointTests {
    private static final Tensor INPUTS = Tensor.matrix(new double[][] {{1}, {2}, {3}, {4}, {5}});
    private static final Tensor TARGETS = Tensor.matrix(new double[][] {{2}, {4.5}, {5.5}, {8}, {10.5}});
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

    /** y = a x. */
    private static final class Scale implements Layer {
        private final Parameter a = new Parameter("a", Parameter.Role.WEIGHT, Shape.of(1, 1), 1, 1);
        private Tensor input;

        @Override
        public int outputFeatures() {
            return 1;
        }

        @Override
        public Tensor forward(Tensor x) {
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
    }

    /** Gradient descent with momentum 0.5, whose velocity and step count are its state, exported under {@code name}. */
    private static Optimizer momentum(Network network, String name) {
        Parameter a = network.parameters().get(0);
        return new Optimizer() {
            private final Tensor velocity = Tensor.zeros(1, 1);
            private double steps;

            @Override
            public void step() {
                velocity.set(0, 0.5 * velocity.get(0) + a.gradient().get(0));
                a.value().set(0, a.value().get(0) - 0.01 * velocity.get(0));
                steps++;
            }

            @Override
            public OptimizerState exportState() {
                return OptimizerState.builder(name, network.parameters()).tensor("velocity", velocity).scalar("steps", steps).build();
            }

            @Override
            public void restoreState(OptimizerState state) {
                state.requireFits(name, network.parameters());
                state.copyInto("velocity", velocity);
                steps = state.scalar("steps");
            }
        };
    }

    /** Keeps every state saved, in memory; starts from {@code start} if given. */
    private static final class Kept implements Checkpoints {
        final List<TrainerState> saved = new ArrayList<>();
        private final TrainerState start;
        private final int every;

        Kept(int every, TrainerState start) {
            this.every = every;
            this.start = start;
        }

        @Override
        public TrainerState last(Network network) {
            return start;
        }

        @Override
        public boolean due(int epoch) {
            return epoch % every == 0;
        }

        @Override
        public void save(TrainerState state) {
            saved.add(state);
        }

        @Override
        public String where() {
            return "kept.safetensors";
        }
    }

    private static Network network() {
        return TestNetworks.of(1, DType.FLOAT64, List.of(new Scale()));
    }

    private static final TrainerOptions OPTIONS = new TrainerOptions(10, 2, true, Double.NaN, EpochLoss.FULL_PASS);

    private static TrainingResult train(Network network, String optimizer, Tensor x, Tensor y, Checkpoints checkpoints) {
        return new Trainer(OPTIONS).train(network, HALF_SQUARED, momentum(network, optimizer), x, y, null, new RandomStream(77),
                (epoch, loss, predictions) -> { }, checkpoints);
    }

    @Test
    void itSavesEveryDueEpochAndTheLastOneSayingHowTheFitEnded() {
        Kept kept = new Kept(3, null);

        train(network(), "momentum", INPUTS, TARGETS, kept);

        assertThat(kept.saved).extracting(TrainerState::epochs).containsExactly(3, 6, 9, 10);
        assertThat(kept.saved).extracting(TrainerState::ended).containsExactly(null, null, null, StopReason.MAX_EPOCHS);
    }

    @Test
    void goingOnFromAnyCheckpointEndsWithTheParametersAndLossesOfTheUninterruptedFit() {
        Network whole = network();
        Kept kept = new Kept(1, null);
        TrainingResult uninterrupted = train(whole, "momentum", INPUTS, TARGETS, kept);

        for (TrainerState state : kept.saved) {
            Network resumed = network();
            TrainingResult result = train(resumed, "momentum", INPUTS, TARGETS, new Kept(1, state));

            assertThat(result.reason()).isEqualTo(StopReason.MAX_EPOCHS);
            assertThat(result.epochs()).isEqualTo(10);
            for (int e = 1; e <= 10; e++) {
                assertThat(result.loss(e)).as("after epoch %d, loss of epoch %d", state.epochs(), e).isEqualTo(uninterrupted.loss(e));
            }
            assertThat(resumed.parameters().get(0).value().get(0)).as("after epoch %d", state.epochs())
                    .isEqualTo(whole.parameters().get(0).value().get(0));
        }
    }

    @Test
    void withoutTheShufflesPositionTheFitWouldDifferSoTheTestAboveCanFail() {
        Network whole = network();
        Kept kept = new Kept(4, null);
        train(whole, "momentum", INPUTS, TARGETS, kept);
        TrainerState at4 = kept.saved.get(0);
        TrainerState reshuffled = new TrainerState(at4.epochs(), null, at4.losses(), at4.order(), 12345, at4.randomStreams(),
                at4.parameters(), at4.optimizer(), at4.history());

        Network resumed = network();
        train(resumed, "momentum", INPUTS, TARGETS, new Kept(4, reshuffled));

        assertThat(resumed.parameters().get(0).value().get(0)).isNotEqualTo(whole.parameters().get(0).value().get(0));
    }

    @Test
    void aStateOfAnotherOptimizerOrOtherRowsIsTheCheckpointsFault() {
        Kept kept = new Kept(5, null);
        train(network(), "momentum", INPUTS, TARGETS, kept);
        TrainerState state = kept.saved.get(0);

        assertThatThrownBy(() -> train(network(), "heavy-ball", INPUTS, TARGETS, new Kept(5, state)))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("kept.safetensors: the checkpoint holds the state of optimizer 'momentum'")
                .hasMessageEndingWith("but this run's optimizer is 'heavy-ball' with tensors [velocity] and numbers [steps];"
                        + " it belongs to another experiment");
        assertThatThrownBy(() -> train(network(), "momentum", INPUTS.withRows(4), TARGETS.withRows(4), new Kept(5, state)))
                .isInstanceOf(DataException.class)
                .hasMessage("kept.safetensors: the checkpoint was saved by a fit on 5 examples, but this one has 4; it belongs"
                        + " to another run or other data");
    }

    @Test
    void aFitWhoseCheckpointSaysItEndedTrainsNoMore() {
        Network whole = network();
        Kept kept = new Kept(100, null);
        TrainingResult uninterrupted = train(whole, "momentum", INPUTS, TARGETS, kept);
        List<Integer> epochsHeard = new ArrayList<>();

        Network restored = network();
        TrainingResult result = new Trainer(OPTIONS).train(restored, HALF_SQUARED, momentum(restored, "momentum"), INPUTS, TARGETS,
                null, new RandomStream(77), (epoch, loss, predictions) -> epochsHeard.add(epoch), new Kept(100, kept.saved.get(0)));

        assertThat(epochsHeard).isEmpty();
        assertThat(result.losses()).containsExactly(uninterrupted.losses());
        assertThat(restored.parameters().get(0).value().get(0)).isEqualTo(whole.parameters().get(0).value().get(0));
    }
}
