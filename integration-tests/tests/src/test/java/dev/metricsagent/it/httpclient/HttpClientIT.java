package dev.metricsagent.it.httpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metricsagent.it.ChildJvm;
import dev.metricsagent.it.ClassLoadLog;
import dev.metricsagent.it.Jdks;
import dev.metricsagent.it.Scrape;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every supported client sends the same requests to local servers that count what they receive;
 * the agent's {@code http_client_request_duration_seconds_count} must equal those counts exactly.
 *
 * <p>Each client uses its own path prefix, and a peer {@code loopback} (host 127.0.0.1) has the
 * URL template {@code /<client>/{page}}: the template label tells the clients' series apart.
 */
class HttpClientIT {

    private static final String DURATION = "http_client_request_duration_seconds_count";
    private static final List<String> CLIENTS = List.of(
            "urlconnection", "javahttp-send", "javahttp-async", "apache4", "apache5", "apache5-async", "okhttp",
            "resttemplate");
    /** Cancels its request (to a slow page) after 300 ms. */
    private static final String APACHE_ASYNC_CANCEL = "apache5-async-cancel";
    /** java.net.http with version HTTP_2, against {@link Http2CountingServer}. */
    private static final List<String> HTTP2_CLIENTS = List.of("javahttp2-send", "javahttp2-async");
    private static final String HTTP2_CONCURRENT = "javahttp2-concurrent";

    @TempDir
    Path directory;

    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void eachExchangeOnTheWireIsOneObservation(Jdks.Jdk jdk) throws Exception {
        Path keystore = SelfSignedCertificate.create(directory);
        int refusedPort = closedPort();
        try (CountingServer http = CountingServer.http();
                CountingServer https = CountingServer.https(keystore, SelfSignedCertificate.PASSWORD.toCharArray())) {
            List<String> requests = new ArrayList<>();
            for (String client : CLIENTS) {
                String base = "http://127.0.0.1:" + http.port() + "/" + client;
                requests.add(client + "=" + base + "/ok");
                requests.add(client + "=" + base + "/missing");
                requests.add(client + "=" + base + "/redirect");
                requests.add(client + "=" + base + "/slow");
                requests.add(client + "=http://127.0.0.1:" + refusedPort + "/" + client + "/refused");
                requests.add(client + "=https://127.0.0.1:" + https.port() + "/" + client + "/ok");
            }
            requests.add(APACHE_ASYNC_CANCEL + "=http://127.0.0.1:" + http.port() + "/" + APACHE_ASYNC_CANCEL + "/slow");
            requests.add("github=http://localhost:" + http.port());
            Path config = writeConfig(directory, CLIENTS, APACHE_ASYNC_CANCEL);

            Path classLog = directory.resolve("classes.log");
            // An empty class cache of its own, so that every client's classes are rewritten here.
            try (ChildJvm app = ChildJvm.app("http-client-app").jdk(jdk)
                    .agent("config=" + config + ",port=0,class_cache.directory=" + directory.resolve("cache"))
                    .jvmArgs("-Djavax.net.ssl.trustStore=" + keystore,
                            "-Djavax.net.ssl.trustStorePassword=" + SelfSignedCertificate.PASSWORD,
                            "-Djavax.net.ssl.trustStoreType=PKCS12",
                            ClassLoadLog.jvmArg(classLog))
                    .args(requests.toArray(String[]::new))
                    .start()) {
                app.awaitStdout("http-client-app done", Duration.ofSeconds(120));
                for (String client : CLIENTS) {
                    assertClientRecordedWhatTheServersReceived(app, client, http, https, refusedPort);
                }
                assertApacheAsyncCallbackAndFutureSawTheSame(app);
                assertCancelledApacheAsyncExchangeIsRecordedOnce(app, http);
                assertGitHubApiCallsArePeerGithub(app, http);
                assertEquals(0.0, Scrape.fetch(app.metricsUrl()).value("metrics_agent_advice_errors_total"));
            }
            ClassLoadLog.assertMatchedAndWovenWithoutByteBuddy(classLog);
        }
    }

    /**
     * java.net.http over HTTP/2, cleartext (h2c, after an HTTP/1.1 upgrade) and TLS (ALPN), sent
     * with send and sendAsync, one by one and 20 at once on one connection: the agent's count
     * equals the server's, per page.
     */
    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void http2ExchangesAreOneObservationEach(Jdks.Jdk jdk) throws Exception {
        Path keystore = SelfSignedCertificate.create(directory);
        try (Http2CountingServer http2 = new Http2CountingServer(keystore, SelfSignedCertificate.PASSWORD)) {
            List<String> requests = new ArrayList<>();
            for (String client : HTTP2_CLIENTS) {
                String base = "http://127.0.0.1:" + http2.h2cPort() + "/" + client;
                requests.add(client + "=" + base + "/ok");
                requests.add(client + "=" + base + "/missing");
                requests.add(client + "=" + base + "/slow");
                requests.add(client + "=https://127.0.0.1:" + http2.tlsPort() + "/" + client + "/ok");
            }
            requests.add(HTTP2_CONCURRENT + "=http://127.0.0.1:" + http2.h2cPort() + "/" + HTTP2_CONCURRENT + "/ok");
            requests.add(HTTP2_CONCURRENT + "=https://127.0.0.1:" + http2.tlsPort() + "/" + HTTP2_CONCURRENT + "/ok");
            List<String> templated = new ArrayList<>(HTTP2_CLIENTS);
            templated.add(HTTP2_CONCURRENT);
            Path config = writeConfig(directory, templated);

            try (ChildJvm app = ChildJvm.app("http-client-app").jdk(jdk)
                    .agent("config=" + config + ",port=0")
                    .jvmArgs("-Djavax.net.ssl.trustStore=" + keystore,
                            "-Djavax.net.ssl.trustStorePassword=" + SelfSignedCertificate.PASSWORD,
                            "-Djavax.net.ssl.trustStoreType=PKCS12")
                    .args(requests.toArray(String[]::new))
                    .start()) {
                app.awaitStdout("http-client-app done", Duration.ofSeconds(120));
                String h2c = Integer.toString(http2.h2cPort());
                String tls = Integer.toString(http2.tlsPort());
                for (String client : HTTP2_CLIENTS) {
                    String template = "/" + client + "/{page}";
                    assertTrue(app.stdout().contains(client + " http://127.0.0.1:" + h2c + "/" + client + "/ok -> 200 HTTP_2"),
                            app.stdout());
                    assertTrue(app.stdout().contains(client + " https://127.0.0.1:" + tls + "/" + client + "/ok -> 200 HTTP_2"),
                            app.stdout());
                    // every request arrived over HTTP/2 (the h2c upgrade request is served as stream 1); ok twice: h2c and TLS
                    Map<String, Integer> pages = Map.of("ok", 2, "missing", 1, "slow", 1);
                    pages.forEach((page, count) -> assertEquals(count,
                            http2.received("HTTP/2.0", "/" + client + "/" + page), client + " " + http2.log()));
                    Map<Map<String, String>, Double> expected = new HashMap<>();
                    expected.put(series("200", "", h2c, template), 1.0);
                    expected.put(series("404", "404", h2c, template), 1.0);
                    expected.put(series("", "timeout", h2c, template), 1.0);
                    expected.put(series("200", "", tls, template), 1.0);
                    assertEquals(expected, awaitSeries(app, template, expected),
                            client + ": what the agent recorded (server log: " + http2.log() + ")");
                }
                int concurrent = 20;
                assertTrue(app.stdout().contains("-> {200 HTTP_2=" + concurrent + "}"), app.stdout());
                String template = "/" + HTTP2_CONCURRENT + "/{page}";
                assertEquals(2 * concurrent, http2.received("HTTP/2.0", template.replace("{page}", "ok")), http2.log().toString());
                Map<Map<String, String>, Double> expected = Map.of(
                        series("200", "", h2c, template), (double) concurrent,
                        series("200", "", tls, template), (double) concurrent);
                assertEquals(expected, awaitSeries(app, template, expected), "server log: " + http2.log());
                assertEquals(0.0, Scrape.fetch(app.metricsUrl()).value("metrics_agent_advice_errors_total"));
            }
        }
    }

    /** What each apache5-async request's future gave the application, its callback was told too. */
    private static void assertApacheAsyncCallbackAndFutureSawTheSame(ChildJvm app) {
        int lines = 0;
        for (String line : app.stdout().split("\n")) {
            if (!line.startsWith("apache5-async http")) {
                continue;
            }
            lines++;
            String result = line.substring(line.indexOf(" -> ") + 4);
            String future = result.substring(0, result.indexOf(" (callback: "));
            String callback = result.substring(result.indexOf(" (callback: ") + 12, result.length() - 1);
            assertEquals(future.matches("\\d+") ? "completed " + future : "failed " + future, callback, line);
        }
        assertEquals(6, lines, app.stdout());
    }

    /**
     * The application cancels its future while the server is still answering: the future is
     * cancelled and the callback told so, as without the agent, and the exchange is one
     * observation with the error the application sees.
     */
    private void assertCancelledApacheAsyncExchangeIsRecordedOnce(ChildJvm app, CountingServer http) {
        assertTrue(app.stdout().contains(APACHE_ASYNC_CANCEL + " http://127.0.0.1:" + http.port() + "/"
                + APACHE_ASYNC_CANCEL + "/slow -> cancel() true, isCancelled() true (callback: cancelled)"), app.stdout());
        assertEquals(1, http.received("127.0.0.1", "/" + APACHE_ASYNC_CANCEL + "/slow"), http.log().toString());
        String template = "/" + APACHE_ASYNC_CANCEL + "/{page}";
        Map<Map<String, String>, Double> expected =
                Map.of(series("", "CancellationException", Integer.toString(http.port()), template), 1.0);
        assertEquals(expected, awaitSeries(app, template, expected));
    }

    private void assertClientRecordedWhatTheServersReceived(
            ChildJvm app, String client, CountingServer http, CountingServer https, int refusedPort) {
        String template = "/" + client + "/{page}";
        String port = Integer.toString(http.port());
        // java.net.http follows no redirect unless told to; the other clients follow by default
        boolean followsRedirects = !client.startsWith("javahttp");
        assertEquals(followsRedirects ? 2 : 1, http.received("127.0.0.1", "/" + client + "/ok"), client);
        assertEquals(1, http.received("127.0.0.1", "/" + client + "/missing"), client);
        assertEquals(1, http.received("127.0.0.1", "/" + client + "/redirect"), client);
        assertEquals(1, http.received("127.0.0.1", "/" + client + "/slow"), client);
        assertEquals(1, https.received("127.0.0.1", "/" + client + "/ok"), client);

        Map<Map<String, String>, Double> expected = new HashMap<>();
        expected.put(series("200", "", port, template), (double) http.received("127.0.0.1", "/" + client + "/ok"));
        expected.put(series("404", "404", port, template), 1.0);
        expected.put(series("302", "", port, template), 1.0);
        expected.put(series("", "timeout", port, template), 1.0);
        // what the client throws, by its simple name: Apache's clients wrap ConnectException in a subclass
        String refused = client.startsWith("apache") ? "HttpHostConnectException" : "ConnectException";
        expected.put(series("", refused, Integer.toString(refusedPort), template), 1.0);
        expected.put(series("200", "", Integer.toString(https.port()), template), 1.0);

        Map<Map<String, String>, Double> recorded = awaitSeries(app, template, expected);
        assertEquals(expected, recorded, client + ": what the agent recorded (server log: " + http.log() + ")");
    }

    /** A series of the peer {@code loopback} (127.0.0.1), as the config of {@link #writeConfig} names it. */
    static Map<String, String> series(String status, String errorType, String port, String template) {
        return Map.of(
                "http_request_method", "GET",
                "http_response_status_code", status,
                "error_type", errorType,
                "server_address", "127.0.0.1",
                "server_port", port,
                "peer_service", "loopback",
                "url_template", template);
    }

    private void assertGitHubApiCallsArePeerGithub(ChildJvm app, CountingServer http) {
        assertTrue(app.stdout().contains("octo/hello, 2 open pull request(s)"), app.stdout());
        int repository = http.received("localhost", "/repos/octo/hello");
        int pulls = http.received("localhost", "/repos/octo/hello/pulls");
        assertEquals(1, repository, "server log: " + http.log());
        assertEquals(1, pulls, "server log: " + http.log());
        Scrape scrape = Scrape.fetch(app.metricsUrl());
        String port = Integer.toString(http.port());
        assertEquals(repository, scrape.value(DURATION, github(port, "/repos/{owner}/{repo}")));
        assertEquals(pulls, scrape.value(DURATION, github(port, "/repos/{owner}/{repo}/pulls")));
        assertEquals(repository + pulls, scrape.sum(DURATION, Map.of("peer_service", "github")),
                "every request the GitHub client sent, and nothing else");
        assertEquals(CountingServer.RATE_LIMIT,
                scrape.value("http_client_rate_limit_limit", Map.of("peer_service", "github")));
        // the GitHub client's last response came after every other request had been answered
        assertEquals(CountingServer.RATE_LIMIT - http.total(),
                scrape.value("http_client_rate_limit_remaining", Map.of("peer_service", "github")));
    }

    private static Map<String, String> github(String port, String template) {
        return Map.of(
                "http_request_method", "GET",
                "http_response_status_code", "200",
                "error_type", "",
                "server_address", "localhost",
                "server_port", port,
                "peer_service", "github",
                "url_template", template);
    }

    /**
     * The series of one URL template. Asynchronous exchanges are recorded as their future
     * completes, which may be a moment after the application saw the response: scrape until the
     * expected series are there (or 10 s passed), then return what the last scrape had.
     */
    private static Map<Map<String, String>, Double> awaitSeries(
            ChildJvm app, String template, Map<Map<String, String>, Double> expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Map<Map<String, String>, Double> recorded = new HashMap<>();
            for (Scrape.Sample sample : Scrape.fetch(app.metricsUrl()).series(DURATION)) {
                if (template.equals(sample.labels().get("url_template"))) {
                    recorded.put(sample.labels(), sample.value());
                }
            }
            if (recorded.equals(expected) || System.nanoTime() > deadline) {
                return recorded;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return recorded;
            }
        }
    }

    /** Peers github (localhost) and loopback (127.0.0.1, one template {@code /<client>/{page}} per client). */
    /** Peers github (localhost) and loopback (127.0.0.1, one URL template {@code /<client>/{page}} per client). */
    static Path writeConfig(Path directory, List<String> clients, String... moreClients) throws IOException {
        List<String> all = new ArrayList<>(clients);
        all.addAll(List.of(moreClients));
        StringBuilder templates = new StringBuilder();
        for (String client : all) {
            templates.append("\"/").append(client).append("/{page}\", ");
        }
        Path config = directory.resolve("metrics-agent.yaml");
        Files.writeString(config, """
                instrumentation:
                  http_client:
                    peers:
                      - name: github
                        hosts: [localhost]
                        url_templates: ["/repos/{owner}/{repo}/pulls", "/repos/{owner}/{repo}"]
                      - name: loopback
                        hosts: [127.0.0.1]
                        url_templates: [%s]
                """.formatted(templates.substring(0, templates.length() - 2)));
        return config;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
