package org.djx.engine.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.djx.api.data.DataContext;
import org.djx.api.data.DataFile;
import org.djx.api.data.Dataset;
import org.djx.api.data.NumericColumn;
import org.djx.api.data.Table;
import org.djx.api.spi.Config;
import org.djx.api.spi.DatasetSource;

/**
 * A dataset plugin of the tests that keeps its rows in a hub archive, as a plugin author would: it
 * declares the archives, asks the context to extract one, and reads {@value #CSV} inside it, a CSV
 * file of numbers whose last column is the target.
 */
public final class ArchiveDatasetSource implements DatasetSource {
    /** Where the rows are inside the archive. */
    public static final String CSV = "points/points.csv";

    private final List<DataFile> files;
    private final String archive;

    /** Declares {@code files} and reads its rows from the hub archive named {@code archive}. */
    public ArchiveDatasetSource(String archive, DataFile... files) {
        this.archive = archive;
        this.files = List.of(files);
    }

    @Override
    public String name() {
        return "archive-points";
    }

    @Override
    public String description() {
        return "Test fixture: numeric rows from a CSV file inside a data-hub archive.";
    }

    @Override
    public List<DataFile> files() {
        return files;
    }

    @Override
    public Dataset load(Config config, DataContext context) {
        Path folder = context.extract(archive);
        List<String> lines;
        try {
            lines = Files.readAllLines(folder.resolve(CSV), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] header = lines.get(0).split(",");
        double[][] values = new double[header.length][lines.size() - 1];
        for (int r = 1; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",");
            for (int c = 0; c < header.length; c++) {
                values[c][r - 1] = Double.parseDouble(cells[c]);
            }
        }
        NumericColumn[] columns = new NumericColumn[header.length];
        for (int c = 0; c < header.length; c++) {
            columns[c] = new NumericColumn(header[c], values[c]);
        }
        return Dataset.of(new Table(List.of(columns)), header[header.length - 1]);
    }
}
