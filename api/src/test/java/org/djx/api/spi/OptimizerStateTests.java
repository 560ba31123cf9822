package org.djx.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.djx.api.DType;
import org.djx.api.Parameter;
import org.djx.api.Shape;
import org.djx.api.Tensor;
import org.junit.jupiter.api.Test;

class OptimizerStateTests {
    private static final List<Parameter> TWO = List.of(
            new Parameter("weight", Parameter.Role.WEIGHT, Shape.of(2, 1), 2, 1),
            new Parameter("bias", Parameter.Role.BIAS, Shape.of(1), 2, 1));

    @Test
    void holdsCopiesSoThatLaterChangesOnEitherSideDoNotReachTheOther() {
        Tensor moment = Tensor.vector(1, 2);
        OptimizerState state = OptimizerState.builder("adam", TWO).tensor("first/0", moment).scalar("step", 3).build();

        moment.set(0, 99);
        Tensor out = state.tensor("first/0");
        out.set(1, -5);

        assertThat(state.tensor("first/0").toArray()).containsExactly(1, 2);
        assertThat(state.scalar("step")).isEqualTo(3.0);
        assertThat(state.optimizer()).isEqualTo("adam");
        assertThat(state.tensorNames()).containsExactly("first/0");
        assertThat(state.scalarNames()).containsExactly("step");
    }

    @Test
    void copiesATensorIntoABufferOfTheSameTypeAndShape() {
        OptimizerState state = OptimizerState.builder("adam", TWO).tensor("v", Tensor.vector(0.5, 0.25)).build();
        Tensor target = Tensor.zeros(2);

        state.copyInto("v", target);

        assertThat(target.toArray()).containsExactly(0.5, 0.25);
        assertThatThrownBy(() -> state.copyInto("v", Tensor.zeros(DType.FLOAT32, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the state of optimizer 'adam' holds 'v' as float64 2, which cannot be restored into float32 2");
    }

    @Test
    void fitsTheSameOptimizerForParametersOfTheSameShapes() {
        OptimizerState state = OptimizerState.builder("sgd", TWO).build();
        List<Parameter> sameShapes = List.of(
                new Parameter("w", Parameter.Role.WEIGHT, Shape.of(2, 1), 9, 9),
                new Parameter("b", Parameter.Role.BIAS, Shape.of(1), 9, 9));

        state.requireFits("sgd", sameShapes);
    }

    @Test
    void refusesAStateOfAnotherOptimizer() {
        OptimizerState state = OptimizerState.builder("sgd", TWO).build();

        assertThatThrownBy(() -> state.requireFits("adam", TWO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot restore the state of optimizer 'sgd' into optimizer 'adam'; a state fits only the"
                        + " kind of optimizer that exported it");
    }

    @Test
    void refusesAStateOfAnotherParameterList() {
        OptimizerState state = OptimizerState.builder("adam", TWO).build();
        List<Parameter> other = List.of(new Parameter("w", Parameter.Role.WEIGHT, DType.FLOAT32, Shape.of(2, 1), 2, 1));

        assertThatThrownBy(() -> state.requireFits("adam", other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot restore the state of optimizer 'adam' exported for 2 parameters [float64 2x1,"
                        + " float64 1] into one for 1 parameter [float32 2x1]; a state fits only the parameter list it"
                        + " was exported for (same number, element types and shapes, in order)");
    }

    @Test
    void aMissingNameIsReportedWithTheNamesThereAre() {
        OptimizerState state = OptimizerState.builder("adam", TWO).tensor("first/0", Tensor.vector(1))
                .tensor("second/0", Tensor.vector(1)).build();

        assertThatThrownBy(() -> state.tensor("first/1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the state of optimizer 'adam' has no tensor 'first/1'; it has first/0, second/0");
        assertThatThrownBy(() -> state.scalar("step")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the state of optimizer 'adam' has no number 'step'; it has none");
        assertThatThrownBy(() -> OptimizerState.builder("adam", TWO).tensor("a", Tensor.vector(1)).tensor("a", Tensor.vector(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the state already holds a tensor 'a'");
    }
}
