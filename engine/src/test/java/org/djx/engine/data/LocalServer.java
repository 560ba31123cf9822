package org.djx.engine.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1 and a free port, for download tests; it counts the requests it receives.
 * Tests never reach any other address.
 */
public final class LocalServer implements AutoCloseable {
    private static final InetAddress LOOPBACK = loopback();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-http-server");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger requests = new AtomicInteger();

    public LocalServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.setExecutor(executor);
        server.start();
    }

    /** Serves {@code body} with status 200 and its Content-Length at {@code path}. */
    public LocalServer serve(String path, byte[] body) {
        return handle(path, exchange -> respond(exchange, 200, body));
    }

    /** Serves {@code path} with {@code handler}; every request is counted first. */
    public LocalServer handle(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                handler.handle(exchange);
            }
        });
        return this;
    }

    /** Sends {@code body} with {@code status} and a Content-Length. */
    public static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Returns the URL of {@code path} on this server. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Returns how many requests have arrived so far. */
    public int requests() {
        return requests.get();
    }

    /** Returns a URL on 127.0.0.1 at a port that was free a moment ago and is closed now: connecting is refused. */
    public static URI closedPortUrl(String path) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            port = socket.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
