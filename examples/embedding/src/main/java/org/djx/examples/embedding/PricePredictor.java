package org.djx.examples.embedding;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.djx.engine.serving.Predictions;
import org.djx.engine.serving.SavedModel;

/** Predicts house prices with the model a run of experiments/house-prices-submission.json saved. */
public final class PricePredictor {
    private final SavedModel model;

    /** Loads the model from a run folder, such as {@code runs/house-prices-submission-20261205-031500}. */
    public PricePredictor(Path runFolder) {
        this.model = SavedModel.load(runFolder);
    }

    /** Returns the price of each house, given as column name to cell text, as in the Kaggle CSV files. */
    public double[] prices(List<Map<String, String>> houses) {
        Predictions p = model.predict(houses);
        double[] prices = new double[p.size()];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = p.value(i);
        }
        return prices;
    }
}
