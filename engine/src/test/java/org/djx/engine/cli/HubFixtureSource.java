package org.djx.engine.cli;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.djx.api.DataException;
import org.djx.api.data.DataContext;
import org.djx.api.data.DataFile;
import org.djx.api.data.Dataset;
import org.djx.api.spi.Config;
import org.djx.api.spi.DatasetSource;

/**
 * A dataset plugin of the tests, found on the test class path through META-INF/services, that
 * declares three hub files on a local server. ServiceLoader creates it with its no-argument
 * constructor, so the tests hand it the server's address through {@link #base}.
 */
public final class HubFixtureSource implements DatasetSource {
    static final String ALPHA = "alpha,1\n";
    static final String BETA = "beta,2\n";
    static final String GAMMA = "gamma,3\n";

    /** Where the files are served; a test sets it to its local server and resets it afterwards. */
    static volatile URI base = URI.create("http://127.0.0.1:1/");

    @Override
    public String name() {
        return "hub-fixture";
    }

    @Override
    public String description() {
        return "Test fixture: declares three data-hub files.";
    }

    @Override
    public List<DataFile> files() {
        return List.of(DataFile.of("fixture_alpha", base.resolve("alpha.csv"), sha1(ALPHA)),
                DataFile.of("fixture_beta", base.resolve("beta.csv"), sha1(BETA)),
                DataFile.of("fixture_gamma", base.resolve("gamma.csv"), sha1(GAMMA)));
    }

    @Override
    public Dataset load(Config config, DataContext context) {
        throw new DataException("hub-fixture only declares files");
    }

    static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
