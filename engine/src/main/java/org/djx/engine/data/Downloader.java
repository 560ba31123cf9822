package org.djx.engine.data;

import org.djx.api.DataException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads one URL into a file that the caller created, hashing the bytes as they arrive.
 *
 * <p>The body is received by a subscriber of our own rather than {@code BodyHandlers.ofFile}, so that
 * the size limit stops a download as soon as it is exceeded and a server that stops sending in the
 * middle of the body is given up on: the JDK client's request timeout only covers the wait for the
 * response headers. The HTTP client is created on first use, so a warm cache never starts one.
 */
final class Downloader {
    /** Why a download failed, in words that fit after "cannot download ...: ". */
    static final class Failure extends DataException {
        private static final long serialVersionUID = 1L;

        Failure(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** What was received: the byte count and the SHA-1 of the bytes, in lowercase hex. */
    record Result(long bytes, String sha1) {
    }

    private final DownloadSettings settings;
    private HttpClient client;

    Downloader(DownloadSettings settings) {
        this.settings = settings;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(settings.connectTimeout())
                    // NORMAL follows redirects, except from https to http.
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
        }
        return client;
    }

    /**
     * Downloads {@code url} into {@code file}, which must exist and be empty; on failure the file may
     * hold part of the body, and the caller deletes it.
     */
    Result download(URI url, Path file) throws Failure, InterruptedException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Failure("only http and https URLs are downloaded, this one is " + (scheme.isEmpty() ? "relative" : scheme), null);
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url).GET().timeout(settings.readTimeout()).header("User-Agent", "djx").build();
        } catch (IllegalArgumentException e) {
            throw new Failure("the URL is not valid for HTTP: " + e.getMessage(), e);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            Transfer transfer = new Transfer(channel, url);
            CompletableFuture<HttpResponse<Result>> response = client().sendAsync(request, transfer::handle);
            try {
                return await(response, transfer);
            } finally {
                transfer.abort(new Failure("the download was abandoned", null));
                response.cancel(true);
            }
        } catch (IOException e) {
            throw new Failure("cannot write the download to " + file + ": " + describe(e), e);
        }
    }

    private Result await(CompletableFuture<HttpResponse<Result>> response, Transfer transfer) throws Failure, InterruptedException {
        long timeout = settings.readTimeout().toNanos();
        long poll = Math.max(TimeUnit.MILLISECONDS.toNanos(20), Math.min(timeout / 4, TimeUnit.SECONDS.toNanos(1)));
        long deadline = System.nanoTime() + settings.deadline().toNanos();
        while (true) {
            HttpResponse<Result> r;
            try {
                r = response.get(poll, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() - deadline > 0) {
                    // A server that trickles a byte now and then is never idle long enough for the read timeout.
                    Failure late = new Failure("the download took longer than " + seconds(settings.deadline().toMillis())
                            + " in all (" + transfer.received + " bytes received)", null);
                    transfer.abort(late);
                    throw late;
                }
                long idle = transfer.idleNanos();
                if (idle > timeout) {
                    Failure stalled = new Failure("the server sent nothing for " + seconds(settings.readTimeout().toMillis())
                            + " after " + transfer.received + " bytes", null);
                    transfer.abort(stalled);
                    throw stalled;
                }
                continue;
            } catch (ExecutionException e) {
                throw failure(e.getCause() == null ? e : e.getCause(), transfer);
            } catch (CancellationException e) {
                throw failure(transfer.failure == null ? e : transfer.failure, transfer);
            }
            if (r.statusCode() != 200) {
                throw new Failure("the server answered HTTP " + r.statusCode() + " (expected 200)"
                        + r.headers().firstValue("Location").map(l -> ", pointing to " + l).orElse(""), null);
            }
            return r.body();
        }
    }

    private Failure failure(Throwable t, Transfer transfer) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof Failure f) {
            return f;
        }
        if (transfer.failure != null) {
            return transfer.failure;
        }
        if (t instanceof HttpConnectTimeoutException) {
            return new Failure("no connection within " + seconds(settings.connectTimeout().toMillis()), t);
        }
        if (t instanceof HttpTimeoutException) {
            return new Failure("no response within " + seconds(settings.readTimeout().toMillis()), t);
        }
        if (t instanceof ConnectException) {
            return new Failure("cannot connect to " + transfer.url.getHost() + (transfer.url.getPort() < 0 ? "" : ":" + transfer.url.getPort())
                    + " (" + describe(t) + ")", t);
        }
        OptionalLong expected = transfer.contentLength;
        if (expected != null && expected.isPresent() && transfer.received < expected.getAsLong()) {
            return new Failure(truncated(transfer.received, expected.getAsLong()) + " (" + describe(t) + ")", t);
        }
        return new Failure(describe(t), t);
    }

    private static String truncated(long received, long expected) {
        return "the download is truncated: " + received + " of the " + expected + " bytes its Content-Length announced arrived";
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** Returns the exception and its causes as "Type: message" phrases, for error messages. */
    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        String last = null;
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            String phrase = c.getClass().getName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
            if (last != null && last.contains(phrase)) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : "; caused by ").append(phrase);
            last = phrase;
        }
        return sb.toString();
    }

    /** The state of one download, shared by the HTTP client's threads and the waiting caller. */
    private final class Transfer implements HttpResponse.BodySubscriber<Result> {
        private final FileChannel channel;
        private final URI url;
        private final MessageDigest digest = Sha1.newDigest();
        private final CompletableFuture<Result> body = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;
        private volatile long lastProgress = System.nanoTime();
        private volatile long received;
        private volatile OptionalLong contentLength;
        private volatile Failure failure;

        Transfer(FileChannel channel, URI url) {
            this.channel = channel;
            this.url = url;
        }

        HttpResponse.BodySubscriber<Result> handle(HttpResponse.ResponseInfo info) {
            if (info.statusCode() != 200) {
                // The status is reported by the caller; the error page is not worth reading.
                return new Refused(null);
            }
            try {
                contentLength = info.headers().firstValueAsLong("Content-Length");
            } catch (NumberFormatException e) {
                return new Refused(new Failure("the server sent an invalid Content-Length: "
                        + info.headers().firstValue("Content-Length").orElse(""), e));
            }
            if (contentLength.isPresent() && contentLength.getAsLong() > settings.maxBytes()) {
                return new Refused(new Failure("the file is " + contentLength.getAsLong()
                        + " bytes by its Content-Length, more than the limit of " + settings.maxBytes() + " bytes", null));
            }
            lastProgress = System.nanoTime();
            return this;
        }

        @Override
        public CompletionStage<Result> getBody() {
            return body;
        }

        long idleNanos() {
            return subscription == null ? 0 : System.nanoTime() - lastProgress;
        }

        void abort(Failure why) {
            if (body.isDone()) {
                return;
            }
            failure = why;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            body.completeExceptionally(why);
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            lastProgress = System.nanoTime();
            if (body.isDone()) {
                s.cancel();
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            try {
                for (ByteBuffer buffer : buffers) {
                    long size = buffer.remaining();
                    if (received + size > settings.maxBytes()) {
                        abort(new Failure("the download exceeds the limit of " + settings.maxBytes() + " bytes", null));
                        return;
                    }
                    digest.update(buffer.duplicate());
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    received += size;
                }
            } catch (IOException e) {
                abort(new Failure("cannot write the download: " + describe(e), e));
                return;
            }
            lastProgress = System.nanoTime();
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            if (body.isDone()) {
                return;
            }
            Failure f = failure(t, this);
            abort(f);
        }

        @Override
        public void onComplete() {
            if (body.isDone()) {
                return;
            }
            OptionalLong expected = contentLength;
            if (expected.isPresent() && expected.getAsLong() != received) {
                abort(new Failure(truncated(received, expected.getAsLong()), null));
                return;
            }
            body.complete(new Result(received, Sha1.hex(digest.digest())));
        }
    }

    /** Takes no body: completes at once, with no result or with a failure. */
    private static final class Refused implements HttpResponse.BodySubscriber<Result> {
        private final CompletableFuture<Result> result = new CompletableFuture<>();

        Refused(Failure failure) {
            if (failure == null) {
                result.complete(null);
            } else {
                result.completeExceptionally(failure);
            }
        }

        @Override
        public CompletionStage<Result> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }
}
