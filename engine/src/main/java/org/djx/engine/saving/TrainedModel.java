package org.djx.engine.saving;

import java.util.List;
import java.util.Objects;
import org.djx.api.data.TargetRule;
import org.djx.engine.model.Network;
import org.djx.engine.spec.ModelSpec;
import org.djx.engine.tabular.FittedPreprocessing;
import org.djx.engine.tabular.TargetTransformer;

/**
 * A network trained on a table, with everything needed to predict from raw rows of that table later.
 *
 * @param spec          the model section it was built from
 * @param network       the trained network
 * @param preprocessing what preprocessing fitted, which turns raw rows into its inputs
 * @param target        the target transform its outputs are on (identity for a classification)
 * @param classes       a classification's classes in output order; empty for a regression
 * @param targetColumn  the name of the column it predicts
 * @param idColumn      the column that names rows, or null
 * @param targetRule    which values of the target are valid, which its predictions are held to
 */
public record TrainedModel(ModelSpec spec, Network network, FittedPreprocessing preprocessing, TargetTransformer target,
        List<String> classes, String targetColumn, String idColumn, TargetRule targetRule) {
    public TrainedModel {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(preprocessing, "preprocessing");
        Objects.requireNonNull(target, "target");
        classes = List.copyOf(classes);
        Objects.requireNonNull(targetColumn, "targetColumn");
        Objects.requireNonNull(targetRule, "targetRule");
    }
}
