package org.djx.engine.data;

import java.time.Duration;
import java.util.Objects;

/**
 * How the data hub downloads: time limits and the largest file it accepts.
 *
 * @param connectTimeout how long to wait for a connection to the server
 * @param readTimeout    how long to wait for the response headers, and then for each further piece of
 *                       the body; a server that stalls longer fails the download
 * @param maxBytes       the largest file accepted; a larger one fails the download as soon as the
 *                       Content-Length or the bytes received exceed it
 * @param deadline       how long a whole download may take, however steadily a server trickles its bytes
 */
public record DownloadSettings(Duration connectTimeout, Duration readTimeout, long maxBytes, Duration deadline) {
    /** 30 s to connect, 60 s without data, at most 2 GiB, 30 minutes in all. */
    public static final DownloadSettings DEFAULT = new DownloadSettings(Duration.ofSeconds(30), Duration.ofSeconds(60), 2L << 30,
            Duration.ofMinutes(30));

    /** Settings with the default deadline of 30 minutes. */
    public DownloadSettings(Duration connectTimeout, Duration readTimeout, long maxBytes) {
        this(connectTimeout, readTimeout, maxBytes, Duration.ofMinutes(30));
    }

    public DownloadSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, found " + connectTimeout);
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout must be positive, found " + readTimeout);
        }
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, found " + deadline);
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, found " + maxBytes);
        }
    }
}
