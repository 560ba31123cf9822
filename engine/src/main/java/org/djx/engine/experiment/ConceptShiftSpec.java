package org.djx.engine.experiment;

import java.util.List;
import java.util.Objects;

/**
 * The {@code concept-shift} task: a generated classification problem whose label rule depends on a
 * region. Every region draws its inputs from N(0, I), and in region r the label is 1 when
 * {@code x_1 + ... + x_d > thresholds[r]} (then flipped with probability {@code labelNoise}), so the same
 * input can mean different labels in different regions. The model (its last layer gives one logit,
 * trained with {@code bce-with-logits}) is trained three ways: on region 1 alone, on every region
 * without knowing the region, and on every region with the region as one-hot input features.
 *
 * @param inputs     input features per example, besides the region
 * @param trainRows  training rows per region
 * @param testRows   test rows per region
 * @param thresholds one decision threshold per region, at least two
 * @param labelNoise the probability that a label is flipped
 * @param loss       binary cross-entropy on the model's logit
 * @param optimizer  the optimizer plugin
 * @param training   the schedule
 */
public record ConceptShiftSpec(int inputs, int trainRows, int testRows, List<Double> thresholds, double labelNoise,
        ComponentSpec loss, ComponentSpec optimizer, TrainingSpec training) implements TaskSpec {
    public ConceptShiftSpec {
        thresholds = List.copyOf(thresholds);
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(training, "training");
        if (inputs < 1 || trainRows < 1 || testRows < 1 || thresholds.size() < 2 || !(labelNoise >= 0 && labelNoise < 0.5)) {
            throw new IllegalArgumentException("inputs " + inputs + ", rows " + trainRows + "/" + testRows + ", thresholds "
                    + thresholds + ", label noise " + labelNoise);
        }
    }

    /** Returns the number of regions. */
    public int regions() {
        return thresholds.size();
    }

    @Override
    public TaskKind kind() {
        return TaskKind.CONCEPT_SHIFT;
    }
}
