package org.djx.engine.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.djx.api.spi.OptimizerState;
import org.djx.engine.weights.StoredTensor;

/**
 * Everything a fit has after an epoch that its configuration does not give it again: the parameters, the optimizer's
 * moments, the order the shuffle left the examples in, where each random stream is, the losses so far and what the
 * listener keeps of each epoch. A fresh fit of the same configuration that takes this state trains on exactly as the
 * fit that saved it would have.
 *
 * @param epochs        the epochs finished
 * @param ended         why training ended, when it has; null while epochs remain
 * @param losses        the training loss of each finished epoch
 * @param order         the example order the last shuffle left (each shuffle permutes the previous order)
 * @param shuffle       the position of the shuffle's stream
 * @param randomStreams the position of each stream the layers draw from, by name
 * @param parameters    the parameters, named as {@link org.djx.engine.model.StateDict} names them
 * @param optimizer     the optimizer's accumulated state
 * @param history       the listener's values per finished epoch, by name
 */
public record TrainerState(int epochs, StopReason ended, double[] losses, int[] order, long shuffle,
        Map<String, Long> randomStreams, Map<String, StoredTensor> parameters, OptimizerState optimizer,
        Map<String, double[]> history) {
    public TrainerState {
        if (epochs < 0 || losses.length != epochs) {
            throw new IllegalArgumentException(losses.length + " losses for " + epochs + " epochs");
        }
        losses = losses.clone();
        order = order.clone();
        randomStreams = Collections.unmodifiableMap(new LinkedHashMap<>(randomStreams));
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(optimizer, "optimizer");
        Map<String, double[]> copies = new LinkedHashMap<>();
        history.forEach((name, values) -> copies.put(name, values.clone()));
        history = Collections.unmodifiableMap(copies);
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    @Override
    public int[] order() {
        return order.clone();
    }

    @Override
    public Map<String, double[]> history() {
        Map<String, double[]> copies = new LinkedHashMap<>();
        history.forEach((name, values) -> copies.put(name, values.clone()));
        return copies;
    }
}
