package org.djx.engine.tasks;

import java.util.ArrayList;
import java.util.List;
import org.djx.engine.report.Csv;
import org.djx.engine.serving.Predictions;

/**
 * The CSV that predictions are written as, by a submission run and by {@code djx predict} alike: a header of the id
 * column and the target, then one line per row with its id and its prediction (a number, or a class name followed,
 * if asked, by one probability per class in columns {@code p(CLASS)}). Numbers are written with the digits that
 * read back as the same double.
 */
public final class PredictionsCsv {
    private PredictionsCsv() {
    }

    /**
     * Returns the CSV text.
     *
     * @param idColumn      the id column's name, or {@code row} when the rows have none
     * @param ids           one id per row
     * @param probabilities whether a classification also gets a probability per class
     */
    public static String of(String idColumn, List<String> ids, String targetColumn, Predictions predictions, boolean probabilities) {
        if (ids.size() != predictions.size()) {
            throw new IllegalArgumentException(ids.size() + " ids for " + predictions.size() + " predictions");
        }
        List<String> header = new ArrayList<>(List.of(idColumn, targetColumn));
        boolean withProbabilities = probabilities && predictions.isClassification();
        if (withProbabilities) {
            predictions.classes().forEach(c -> header.add("p(" + c + ")"));
        }
        StringBuilder csv = new StringBuilder(Csv.line(header)).append('\n');
        for (int r = 0; r < predictions.size(); r++) {
            List<String> row = new ArrayList<>();
            row.add(ids.get(r));
            row.add(predictions.isClassification() ? predictions.label(r) : Double.toString(predictions.value(r)));
            if (withProbabilities) {
                for (int k = 0; k < predictions.classes().size(); k++) {
                    row.add(Double.toString(predictions.probability(r, k)));
                }
            }
            csv.append(Csv.line(row)).append('\n');
        }
        return csv.toString();
    }
}
