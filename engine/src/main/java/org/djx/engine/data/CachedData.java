package org.djx.engine.data;

import java.nio.file.Path;
import org.djx.api.DataException;
import org.djx.api.data.DataContext;

/**
 * The hub's files as they are in the cache, for checking a dataset without writing anything: a verified copy or an
 * extracted archive is returned as the hub returns it; a file that would have to be downloaded, or an archive that
 * would have to be extracted, first is a {@link NotCached}, which says that the data could not be checked rather
 * than that it is wrong.
 */
public final class CachedData implements DataContext {
    private final DataHub hub;

    public CachedData(DataHub hub) {
        this.hub = hub;
    }

    /** A hub file that is not in the cache, so that reading it would download it. */
    public static final class NotCached extends DataException {
        private static final long serialVersionUID = 1L;

        NotCached(String message) {
            super(message);
        }
    }

    @Override
    public Path fetch(String name) {
        CacheCheck check = hub.check(name);
        if (check.status() == CacheCheck.Status.MISSING) {
            throw new NotCached("data-hub file '" + name + "' is not in the cache folder " + hub.cache().describe()
                    + " (djx data fetch " + name + " downloads it)");
        }
        // A corrupt or unreadable copy fails here with the hub's own message.
        return hub.fetch(name);
    }

    @Override
    public Path extract(String name) {
        // Checking writes nothing: an archive not yet extracted is left for a run or djx data fetch to extract.
        if (!hub.isExtracted(name)) {
            throw new NotCached("data-hub archive '" + name + "' is not extracted in the cache folder " + hub.cache().describe()
                    + " (djx data fetch " + name + " downloads and extracts it)");
        }
        return hub.extract(name);
    }
}
