package org.djx.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.djx.engine.random.RandomStreams;

/** The points a sweep visits, each a value per parameter path, in the order the trials are numbered. */
public final class Points {
    /** More combinations than this is a mistake in the file, not a sweep anyone waits for. */
    public static final int MAX_POINTS = 100_000;

    private Points() {
    }

    /** Returns the number of points of a grid over these parameters, or -1 beyond {@link #MAX_POINTS}. */
    public static long gridSize(List<SweepParameter> parameters) {
        long size = 1;
        for (SweepParameter p : parameters) {
            size *= p.domain().values().size();
            if (size > MAX_POINTS) {
                return -1;
            }
        }
        return size;
    }

    /**
     * Returns the points: for a grid every combination, the first parameter changing slowest; for a random
     * search the draws of the stream {@code sweep} of the experiment's seed, parameter by parameter.
     */
    public static List<Map<String, JsonNode>> of(SweepSpec spec, long seed) {
        List<Map<String, JsonNode>> points = new ArrayList<>();
        if (spec.method() == SweepSpec.Method.GRID) {
            int count = (int) gridSize(spec.parameters());
            for (int i = 0; i < count; i++) {
                Map<String, JsonNode> point = new LinkedHashMap<>();
                int rest = i;
                int stride = count;
                for (SweepParameter p : spec.parameters()) {
                    List<JsonNode> values = p.domain().values();
                    stride /= values.size();
                    point.put(p.path(), values.get(rest / stride));
                    rest %= stride;
                }
                points.add(point);
            }
        } else {
            RandomGenerator random = new RandomStreams(seed).stream("sweep");
            for (int i = 0; i < spec.trials(); i++) {
                Map<String, JsonNode> point = new LinkedHashMap<>();
                for (SweepParameter p : spec.parameters()) {
                    point.put(p.path(), p.domain().draw(random));
                }
                points.add(point);
            }
        }
        return points;
    }

    /** Returns a point as {@code optimizer.lr = 0.001, model.layers[0].outputs = 256}, numbers to six digits. */
    public static String describe(Map<String, JsonNode> point) {
        List<String> parts = new ArrayList<>();
        point.forEach((k, v) -> parts.add(k + " = " + (v.isTextual() ? v.asText() : v.isNumber() ? SweepRunner.format(v.doubleValue())
                : v.toString())));
        return String.join(", ", parts);
    }
}
