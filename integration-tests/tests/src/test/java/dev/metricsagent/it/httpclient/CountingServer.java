package dev.metricsagent.it.httpclient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An HTTP (or HTTPS) server on loopback that counts every request it receives, by Host header
 * name and path, and answers by the path's last segment:
 *
 * <ul>
 *   <li>{@code ok}: 200; {@code missing}: 404; {@code redirect}: 302 to {@code ok} beside it;
 *   <li>{@code slow}: 200 after 3 s (longer than the clients' 1 s read timeout);
 *   <li>{@code /repos/octo/hello} and {@code /repos/octo/hello/pulls}: canned GitHub API JSON;
 *   <li>anything else: 200.
 * </ul>
 *
 * Every response carries GitHub's rate-limit headers: limit 5000, remaining 5000 minus the
 * number of requests received so far.
 */
final class CountingServer implements AutoCloseable {

    static final int RATE_LIMIT = 5000;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    private CountingServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    static CountingServer http() {
        try {
            return new CountingServer(HttpServer.create(loopback(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HTTPS with the key in this PKCS12 keystore (see {@link SelfSignedCertificate}). */
    static CountingServer https(Path keystore, char[] password) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = java.nio.file.Files.newInputStream(keystore)) {
                keys.load(in, password);
            }
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keyManagers.getKeyManagers(), null, null);
            HttpsServer server = HttpsServer.create(loopback(), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            return new CountingServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Requests received for this path, sent to a host name starting with {@code hostName}. */
    int received(String hostName, String path) {
        AtomicInteger count = received.get(hostName + " " + path);
        return count == null ? 0 : count.get();
    }

    int total() {
        return total.get();
    }

    /** What was received, for assertion messages. */
    Map<String, AtomicInteger> log() {
        return Map.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String host = exchange.getRequestHeaders().getFirst("Host");
            String hostName = host == null ? "" : host.replaceFirst(":\\d+$", "");
            String path = exchange.getRequestURI().getPath();
            received.computeIfAbsent(hostName + " " + path, k -> new AtomicInteger()).incrementAndGet();
            int count = total.incrementAndGet();
            exchange.getResponseHeaders().add("X-RateLimit-Limit", Integer.toString(RATE_LIMIT));
            exchange.getResponseHeaders().add("X-RateLimit-Remaining", Integer.toString(RATE_LIMIT - count));
            String last = path.substring(path.lastIndexOf('/') + 1);
            switch (last) {
                case "missing" -> respond(exchange, 404, "missing");
                case "redirect" -> {
                    exchange.getResponseHeaders().add("Location", path.substring(0, path.lastIndexOf('/')) + "/ok");
                    exchange.sendResponseHeaders(302, -1);
                }
                case "slow" -> {
                    sleep(3_000);
                    respond(exchange, 200, "slow");
                }
                default -> respond(exchange, 200, body(path, host));
            }
        }
    }

    private static String body(String path, String host) {
        String api = "http://" + host;
        if (path.equals("/repos/octo/hello")) {
            return "{\"id\":1,\"name\":\"hello\",\"full_name\":\"octo/hello\",\"private\":false,"
                    + "\"owner\":{\"login\":\"octo\",\"id\":1,\"type\":\"User\"},"
                    + "\"url\":\"" + api + "/repos/octo/hello\",\"html_url\":\"https://github.com/octo/hello\"}";
        }
        if (path.equals("/repos/octo/hello/pulls")) {
            return "[{\"id\":11,\"number\":1,\"title\":\"First\",\"state\":\"open\","
                    + "\"url\":\"" + api + "/repos/octo/hello/pulls/1\"},"
                    + "{\"id\":12,\"number\":2,\"title\":\"Second\",\"state\":\"open\","
                    + "\"url\":\"" + api + "/repos/octo/hello/pulls/2\"}]";
        }
        return "ok";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                body.startsWith("{") || body.startsWith("[") ? "application/json" : "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
