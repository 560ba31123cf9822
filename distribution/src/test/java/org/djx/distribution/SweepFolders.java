package org.djx.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the whole-system tests read from a sweep's run folder. */
final class SweepFolders {
    private SweepFolders() {
    }

    /** Returns trials.csv without its wall times, which no two runs share. */
    static List<String> tableWithoutSeconds(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        int seconds = List.of(lines.get(0).split(",")).indexOf("seconds");
        List<String> rows = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(seconds);
            rows.add(String.join(",", cells));
        }
        return rows;
    }

    /** Returns how many runs the sweep in {@code run} has recorded so far. */
    static long records(Path run) throws IOException {
        Path trials = run.resolve("trials");
        if (!Files.isDirectory(trials)) {
            return 0;
        }
        try (var files = Files.list(trials)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith("."))
                    .count();
        }
    }
}
