package org.djx.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterSpecDecodingTests {
    private static final ParameterSpec EPOCHS = ParameterSpec.integer("epochs", "x").atLeast(1);
    private static final ParameterSpec LR = ParameterSpec.number("lr", "x").greaterThan(0);
    private static final ParameterSpec FLAG = ParameterSpec.bool("flag", "x");
    private static final ParameterSpec OPTIMIZER = ParameterSpec.string("optimizer", "x", "adam", "sgd");
    private static final ParameterSpec BIASES = ParameterSpec.numbers("biases", "x");
    private static final ParameterSpec WEIGHTS = ParameterSpec.matrix("weights", "x");

    /** The single message of a value that must be refused, without a place below the value. */
    private static String refusal(ParameterSpec spec, Object raw) {
        Decoded d = spec.decode(raw);
        assertThat(d.isValid()).as("%s accepted %s", spec, raw).isFalse();
        assertThat(d.problems()).hasSize(1);
        assertThat(d.problems().get(0).key()).isNull();
        assertThat(d.problems().get(0).element()).isEmpty();
        return d.problems().get(0).message();
    }

    @Test
    void decodesEachTypeToTheEnginesRepresentation() {
        assertThat(EPOCHS.decode(5).value()).isEqualTo(5);
        assertThat(EPOCHS.decode(5L).value()).isEqualTo(5);
        assertThat(EPOCHS.decode(BigInteger.valueOf(5)).value()).isEqualTo(5);
        assertThat(LR.decode(0.5).value()).isEqualTo(0.5);
        assertThat(LR.decode(2).value()).isInstanceOf(Double.class).isEqualTo(2.0);
        assertThat(LR.decode(new BigDecimal("0.25")).value()).isEqualTo(0.25);
        assertThat(FLAG.decode(false).value()).isEqualTo(false);
        assertThat(OPTIMIZER.decode("sgd").value()).isEqualTo("sgd");
        assertThat((double[]) BIASES.decode(List.of(1, 2.5, -3L)).value()).containsExactly(1, 2.5, -3);
        assertThat((double[][]) WEIGHTS.decode(List.of(List.of(1, 2), List.of(3.5, 4))).value())
                .isDeepEqualTo(new double[][] {{1, 2}, {3.5, 4}});
    }

    @Test
    void coercesNothing() {
        assertThat(refusal(EPOCHS, "10")).isEqualTo("expected an integer >= 1, found the string \"10\"");
        assertThat(refusal(EPOCHS, 10.5)).isEqualTo("expected an integer >= 1, found the number 10.5");
        assertThat(refusal(EPOCHS, 10.0)).isEqualTo("expected an integer >= 1, found the number 10.0");
        assertThat(refusal(LR, "0.1")).isEqualTo("expected a number > 0, found the string \"0.1\"");
        assertThat(refusal(LR, true)).isEqualTo("expected a number > 0, found true");
        assertThat(refusal(LR, null)).isEqualTo("expected a number > 0, found null");
        assertThat(refusal(FLAG, 1)).isEqualTo("expected true or false, found the integer 1");
        assertThat(refusal(FLAG, "true")).isEqualTo("expected true or false, found the string \"true\"");
        assertThat(refusal(OPTIMIZER, 3)).isEqualTo("expected one of: adam, sgd, found the integer 3");
    }

    @Test
    void refusesIntegersOutsideIntRange() {
        assertThat(refusal(EPOCHS, 2_147_483_648L))
                .isEqualTo("expected an integer >= 1, found the integer 2147483648, which is out of range");
        assertThat(refusal(EPOCHS, new BigInteger("-99999999999999999999")))
                .isEqualTo("expected an integer >= 1, found the integer -99999999999999999999, which is out of range");
        assertThat(EPOCHS.decode(2_147_483_647L).value()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void refusesNonFiniteNumbersAndIntegersBeyondADouble() {
        assertThat(refusal(LR, Double.NaN)).isEqualTo("expected a number > 0, found NaN");
        assertThat(refusal(LR, Double.POSITIVE_INFINITY)).isEqualTo("expected a number > 0, found Infinity");
        assertThat(refusal(LR, BigInteger.TEN.pow(400))).startsWith("the number 1000").endsWith(
                " is too large for a double (about 1.8e308 at most)");
        assertThat(refusal(LR, new BigDecimal("1e400"))).isEqualTo(
                "the number 1E+400 is too large for a double (about 1.8e308 at most)");
    }

    @Test
    void refusesArraysAndObjectsWhereAScalarBelongsAndScalarsWhereAnArrayBelongs() {
        assertThat(refusal(EPOCHS, List.of(1))).isEqualTo("expected an integer >= 1, found an array");
        assertThat(refusal(LR, Map.of("value", 1))).isEqualTo("expected a number > 0, found an object");
        assertThat(refusal(BIASES, 1)).isEqualTo("expected an array of numbers, found the integer 1");
        assertThat(refusal(WEIGHTS, "[[1]]")).isEqualTo("expected an array of equally long arrays of numbers, found the string \"[[1]]\"");
        assertThat(refusal(BIASES, Map.of())).isEqualTo("expected an array of numbers, found an object");
    }

    @Test
    void refusesEmptyArrays() {
        assertThat(refusal(BIASES, List.of())).isEqualTo("expected a non-empty array of numbers, found an empty array");
        assertThat(refusal(WEIGHTS, List.of()))
                .isEqualTo("expected an array of equally long arrays of numbers, found an empty array");
    }

    @Test
    void placesEachBadElementOfAnArrayBelowTheValue() {
        Decoded d = BIASES.decode(Arrays.asList(1, "2", null, Double.NaN));

        assertThat(d.isValid()).isFalse();
        assertThat(d.problems()).containsExactly(
                ConfigProblem.of(null, "[1]", "expected a number, found the string \"2\""),
                ConfigProblem.of(null, "[2]", "expected a number, found null"),
                ConfigProblem.of(null, "[3]", "expected a number, found NaN"));
    }

    @Test
    void placesMatrixProblemsAtTheRowOrTheElement() {
        Decoded d = WEIGHTS.decode(List.of(List.of(1, 2), List.of(3), 4, List.of(5, false), List.of()));

        assertThat(d.problems()).containsExactly(
                ConfigProblem.of(null, "[1]", "row 1 has 1 values but row 0 has 2; every row of a matrix has the same length"),
                ConfigProblem.of(null, "[2]", "expected row 2 of a matrix, an array of numbers, found the integer 4"),
                ConfigProblem.of(null, "[3][1]", "expected a number, found false"),
                ConfigProblem.of(null, "[4]", "expected a non-empty array of numbers, found an empty array"));
    }

    @Test
    void checksInclusiveAndExclusiveBoundsAtBothEnds() {
        ParameterSpec closed = ParameterSpec.number("p", "x").atLeast(0).atMost(1);
        ParameterSpec open = ParameterSpec.number("q", "x").greaterThan(0).lessThan(1);

        assertThat(closed.decode(0).isValid()).isTrue();
        assertThat(closed.decode(1).isValid()).isTrue();
        assertThat(refusal(closed, -0.001)).isEqualTo("p must be in [0, 1], found -0.001");
        assertThat(refusal(closed, 1.001)).isEqualTo("p must be in [0, 1], found 1.001");
        assertThat(open.decode(Math.nextUp(0.0)).isValid()).isTrue();
        assertThat(open.decode(Math.nextDown(1.0)).isValid()).isTrue();
        assertThat(refusal(open, 0)).isEqualTo("q must be in (0, 1), found 0.0");
        assertThat(refusal(open, 1)).isEqualTo("q must be in (0, 1), found 1.0");
    }

    @Test
    void lessThanAloneRefusesTheBoundAndAcceptsBelowIt() {
        ParameterSpec beta = ParameterSpec.number("beta1", "x").lessThan(1);

        assertThat(beta.decode(0.999999999).isValid()).isTrue();
        assertThat(beta.decode(-5).isValid()).isTrue();
        assertThat(refusal(beta, 1.0)).isEqualTo("beta1 must be < 1, found 1.0");
    }

    @Test
    void reportsIntegerBoundsWithTheIntegerAsWritten() {
        assertThat(refusal(EPOCHS, 0)).isEqualTo("epochs must be >= 1, found 0");
        assertThat(refusal(LR, -1)).isEqualTo("lr must be > 0, found -1.0");
    }

    @Test
    void refusesStringsOutsideTheChoicesAndSuggestsTheNearest() {
        assertThat(refusal(OPTIMIZER, "adamm"))
                .isEqualTo("'adamm' is not a valid value for optimizer; valid: adam, sgd (did you mean 'adam'?)");
        assertThat(refusal(OPTIMIZER, "lbfgs")).isEqualTo("'lbfgs' is not a valid value for optimizer; valid: adam, sgd");
    }

    @Test
    void decodedArraysAreCopies() {
        Decoded d = BIASES.decode(List.of(1, 2));
        ((double[]) d.value())[0] = 99;

        assertThat((double[]) d.value()).containsExactly(1, 2);
    }

    @Test
    void anInvalidValueHasNoValue() {
        assertThatThrownBy(() -> LR.decode("x").value())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected a number > 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "exactly-forty-characters-long-string-xyz"})
    void describesShortStringsWhole(String s) {
        assertThat(ParameterSpec.describe(s)).isEqualTo("the string \"" + s + "\"");
    }

    @Test
    void describesValuesTheWayMessagesDo() {
        assertThat(ParameterSpec.describe("a".repeat(41))).isEqualTo("the string \"" + "a".repeat(40) + "...\"");
        assertThat(ParameterSpec.describe(5)).isEqualTo("the integer 5");
        assertThat(ParameterSpec.describe(5_000_000_000L)).isEqualTo("the integer 5000000000, which is out of range");
        assertThat(ParameterSpec.describe(0.5)).isEqualTo("the number 0.5");
        assertThat(ParameterSpec.describe(new BigDecimal("0.50"))).isEqualTo("the number 0.50");
        assertThat(ParameterSpec.describe(true)).isEqualTo("true");
        assertThat(ParameterSpec.describe(null)).isEqualTo("null");
        assertThat(ParameterSpec.describe(List.of())).isEqualTo("an array");
        assertThat(ParameterSpec.describe(Map.of())).isEqualTo("an object");
        assertThat(ParameterSpec.describe(new double[] {1})).isEqualTo("a value of type double[]");
    }

    @Test
    void expectationNamesTheTypeAndTheRule() {
        assertThat(EPOCHS.expectation()).isEqualTo("an integer >= 1");
        assertThat(FLAG.expectation()).isEqualTo("true or false");
        assertThat(OPTIMIZER.expectation()).isEqualTo("one of: adam, sgd");
        assertThat(ParameterSpec.string("label", "x").expectation()).isEqualTo("a string");
        assertThat(WEIGHTS.expectation()).isEqualTo("an array of equally long arrays of numbers");
        assertThat(ParameterSpec.number("m", "x").atLeast(0).lessThan(1).expectation()).isEqualTo("a number in [0, 1)");
    }
}
