package org.djx.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.djx.api.data.DataFile;
import org.djx.api.spi.ConfigValues;
import org.djx.api.spi.ParameterSpec;
import org.djx.engine.json.JsonDocument;

/**
 * The {@code data-hub} section: files the experiment itself declares, by name, for its dataset to use as
 * {@code hub:NAME}. Each is fetched and verified like a plugin's files: a copy whose SHA-1 differs is never used.
 *
 * <pre>{@code
 * "data-hub": {
 *   "sales": { "url": "https://example.org/sales.zip", "sha1": "..." },
 *   "digits": { "file": "digits.csv", "sha1": "..." }
 * }
 * }</pre>
 *
 * A file with a URL is downloaded into the cache when missing; one without is a file the user puts in the cache
 * folder ({@code DJX_DATA}) under the name {@code file}.
 */
public final class DataHubSection {
    static final String PATH = "$.data-hub";

    static final List<ParameterSpec> ENTRY = List.of(
            ParameterSpec.string("url", "Where to download the file (http or https); the cached copy takes the URL's last"
                    + " path segment as its name. Leave it out for a file you put in the cache folder yourself."),
            ParameterSpec.string("file", "The cached copy's file name, for a file without a URL."),
            ParameterSpec.string("sha1", "The SHA-1 of the file's bytes, 40 hex digits; a copy that differs is never used.")
                    .asRequired());

    private DataHubSection() {
    }

    /** Reads the section; entries with a problem are left out, and the problem added. */
    static List<DataFile> read(Problems problems, JsonNode node) {
        if (!SectionBinder.expectObject(problems, node, PATH)) {
            return List.of();
        }
        List<DataFile> files = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String p = JsonDocument.child(PATH, e.getKey());
            if (!SectionBinder.expectObject(problems, e.getValue(), p)) {
                continue;
            }
            ConfigValues entry = ConfigBinder.bindValid(problems, e.getValue(), p, ENTRY, List.of(),
                    "the data-hub file '" + e.getKey() + "'");
            if (entry == null) {
                continue;
            }
            DataFile file = file(problems, p, e.getKey(), entry);
            if (file != null) {
                files.add(file);
            }
        }
        return files;
    }

    private static DataFile file(Problems problems, String path, String name, ConfigValues entry) {
        boolean hasUrl = entry.has("url");
        if (hasUrl == entry.has("file")) {
            problems.add(path, hasUrl ? "give either 'url' or 'file', not both: a file with a URL is cached under the URL's"
                    + " file name" : "give 'url' (where to download the file) or 'file' (the name of a copy you put in the"
                    + " cache folder)");
            return null;
        }
        URI url = null;
        if (hasUrl) {
            String text = entry.string("url");
            try {
                url = new URI(text);
            } catch (URISyntaxException ex) {
                problems.add(JsonDocument.child(path, "url"), "'" + text + "' is not a URL: " + ex.getReason());
                return null;
            }
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                problems.add(JsonDocument.child(path, "url"), "expected an http or https URL, found '" + text + "'");
                return null;
            }
        }
        // Each part on its own, so that every problem of the entry is reported at once.
        URI address = url;
        boolean valid = accepts(problems, path, () -> DataFile.inCacheOnly(name, "x", SOME_SHA1));
        valid &= accepts(problems, JsonDocument.child(path, "sha1"), () -> DataFile.inCacheOnly("x", "x", entry.string("sha1")));
        valid &= accepts(problems, JsonDocument.child(path, hasUrl ? "url" : "file"), () -> hasUrl
                ? DataFile.of("x", address, SOME_SHA1) : DataFile.inCacheOnly("x", entry.string("file"), SOME_SHA1));
        if (!valid) {
            return null;
        }
        return hasUrl ? DataFile.of(name, url, entry.string("sha1")) : DataFile.inCacheOnly(name, entry.string("file"), entry.string("sha1"));
    }

    /** A well-formed SHA-1, standing in while another part of an entry is checked. */
    private static final String SOME_SHA1 = "0".repeat(40);

    private static boolean accepts(Problems problems, String path, java.util.function.Supplier<DataFile> make) {
        try {
            make.get();
            return true;
        } catch (IllegalArgumentException ex) {
            problems.add(path, ex.getMessage());
            return false;
        }
    }
}
