package dev.metricsagent.it.httpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metricsagent.it.ChildJvm;
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
            "urlconnection", "javahttp-send", "javahttp-async", "apache4", "apache5", "okhttp", "resttemplate");

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
            requests.add("github=http://localhost:" + http.port());
            Path config = writeConfig();

            try (ChildJvm app = ChildJvm.app("http-client-app").jdk(jdk)
                    .agent("config=" + config + ",port=0")
                    .jvmArgs("-Djavax.net.ssl.trustStore=" + keystore,
                            "-Djavax.net.ssl.trustStorePassword=" + SelfSignedCertificate.PASSWORD,
                            "-Djavax.net.ssl.trustStoreType=PKCS12")
                    .args(requests.toArray(String[]::new))
                    .start()) {
                app.awaitStdout("http-client-app done", Duration.ofSeconds(120));
                for (String client : CLIENTS) {
                    assertClientRecordedWhatTheServersReceived(app, client, http, https, refusedPort);
                }
                assertGitHubApiCallsArePeerGithub(app, http);
                assertEquals(0.0, Scrape.fetch(app.metricsUrl()).value("metrics_agent_advice_errors_total"));
            }
        }
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

    private static Map<String, String> series(String status, String errorType, String port, String template) {
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

    private Path writeConfig() throws IOException {
        StringBuilder templates = new StringBuilder();
        for (String client : CLIENTS) {
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
