package org.djx.plugins.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.djx.api.DataException;
import org.djx.api.data.DataContext;
import org.djx.api.data.Dataset;

/**
 * Small house-price files written inside a test: the real files' structure (Id, numeric and text
 * columns with NA, SalePrice last), and the context that hands them to the source.
 */
final class HouseFiles {
    static final String TRAIN = String.join("\n",
            "Id,MSSubClass,MSZoning,LotFrontage,Alley,GarageYrBlt,SalePrice",
            "1,60,RL,65,NA,2003,208500",
            "2,20,RL,80,NA,1976,181500",
            "3,60,NA,68,Grvl,,223500",
            "4,70,RM,NA,Pave,1998.0,140000",
            "");
    static final String TEST = String.join("\n",
            "Id,MSSubClass,MSZoning,LotFrontage,Alley,GarageYrBlt",
            "5,20,RH,80,NA,1961",
            "6,190,C (all),,NA,NA",
            "7,60,RL,74,Pave,2010",
            "");

    private final Path dir;
    final Path train;
    final Path test;

    HouseFiles(Path dir) {
        this.dir = dir;
        this.train = dir.resolve("train.csv");
        this.test = dir.resolve("test.csv");
    }

    /** Writes the standard pair. */
    HouseFiles standard() {
        return write(TRAIN, TEST);
    }

    HouseFiles write(String trainText, String testText) {
        return writeBytes(trainText.getBytes(StandardCharsets.UTF_8), testText.getBytes(StandardCharsets.UTF_8));
    }

    HouseFiles writeBytes(byte[] trainBytes, byte[] testBytes) {
        try {
            Files.write(train, trainBytes);
            Files.write(test, testBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes the standard test file and this training file. */
    HouseFiles withTrain(String trainText) {
        return write(trainText, TEST);
    }

    /** Writes the standard training file and this test file. */
    HouseFiles withTest(String testText) {
        return write(TRAIN, testText);
    }

    /** The context a test hands the source: the two hub names map to the two files written here. */
    DataContext context(List<String> fetched) {
        Map<String, Path> files = Map.of(
                KaggleHouseSource.TRAIN.name(), train,
                KaggleHouseSource.TEST.name(), test);
        return filesOnly(name -> {
            fetched.add(name);
            Path path = files.get(name);
            if (path == null) {
                throw new DataException("no data-hub file '" + name + "' in " + dir);
            }
            return path;
        });
    }

    /** A context whose {@code fetch} is {@code files}; the house-price dataset declares no archive to extract. */
    static DataContext filesOnly(Function<String, Path> files) {
        return new DataContext() {
            @Override
            public Path fetch(String name) {
                return files.apply(name);
            }

            @Override
            public Path extract(String name) {
                throw new DataException("no data-hub archive '" + name + "' here: the test serves plain files only");
            }
        };
    }

    Dataset load() {
        return new KaggleHouseSource().load(null, context(new ArrayList<>()));
    }

    /** Loads, requiring that it fails with a DataException and returns no dataset; returns the message. */
    String failure() {
        Dataset returned;
        try {
            returned = load();
        } catch (DataException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a DataException, but a dataset was returned: " + returned);
    }
}
