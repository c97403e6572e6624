package dev.metricsagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian's package) scrapes the agent. With native histograms enabled it asks
 * for the protobuf format, otherwise for OpenMetrics text: both must be ingested without error.
 * promtool checks the text format and naming as well.
 */
class RealPrometheusScrapeIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void prometheusIngestsTheProtobufFormat() throws Exception {
        assertPrometheusIngests(List.of("--enable-feature=native-histograms"));
    }

    @Test
    void prometheusIngestsTheOpenMetricsTextFormat() throws Exception {
        assertPrometheusIngests(List.of());
    }

    @Test
    void promtoolFindsNoProblemInTheTextFormat() throws Exception {
        Path promtool = Services.requireCommand("promtool");
        try (ChildJvm app = ChildJvm.app("plain-app").agent("port=0").start()) {
            byte[] body = Scrape.raw(app.metricsUrl()).body();
            Process check = new ProcessBuilder(promtool.toString(), "check", "metrics")
                    .redirectErrorStream(true).start();
            check.getOutputStream().write(body);
            check.getOutputStream().close();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(check.waitFor(30, TimeUnit.SECONDS), "promtool did not finish");
            assertEquals(0, check.exitValue(), "promtool check metrics:\n" + output);
        }
    }

    private void assertPrometheusIngests(List<String> features) throws Exception {
        Path prometheusBinary = Services.requireCommand("prometheus");
        try (ChildJvm app = ChildJvm.app("plain-app").agent("port=0").start()) {
            int webPort = Ports.free();
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, String.join("\n",
                    "global: {scrape_interval: 500ms, scrape_timeout: 400ms}",
                    "scrape_configs:",
                    "  - job_name: agent",
                    "    static_configs: [{targets: ['127.0.0.1:" + app.metricsPort() + "']}]",
                    ""));
            List<String> command = new ArrayList<>(List.of(prometheusBinary.toString(),
                    "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + webPort));
            command.addAll(features);
            Process prometheus = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            try {
                String api = "http://127.0.0.1:" + webPort + "/api/v1/";
                String build = awaitResult(api, "metrics_agent_build_info");
                assertTrue(build.contains("\"version\":\"" + System.getProperty("metrics.agent.version") + "\""), build);
                String health = awaitResult(api, "up{job=\"agent\"}");
                assertTrue(health.contains("\"1\"]"), "the scrape is down: " + health);
                assertTrue(awaitResult(api, "jvm_memory_used_bytes").contains("\"area\":\"heap\""));
                String targets = get(api + "targets");
                assertTrue(targets.contains("\"lastError\":\"\""), "scrape error: " + targets);
            } finally {
                prometheus.destroy();
                prometheus.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Polls a PromQL query until it has a result (Prometheus needs a scrape or two first). */
    private static String awaitResult(String api, String query) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = get(api + "query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
                if (last.contains("\"result\":[{")) {
                    return last;
                }
            } catch (IOException notUpYet) {
                last = notUpYet.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no result for " + query + " within 30 s; last answer: " + last);
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
