package dev.metricsagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent pushes to a real Pushgateway (Debian's prometheus-pushgateway): on its interval
 * while the application runs, and once more when it exits, so a batch job's final values stay.
 * The pushes go through HttpURLConnection, which the agent instruments; they must not be
 * recorded as the application's HTTP calls.
 */
class PushgatewayIT {

    @TempDir
    Path directory;

    private Process pushgateway;
    private int port;

    @BeforeEach
    void startPushgateway() throws Exception {
        Path binary = Services.requireCommand("prometheus-pushgateway");
        port = Ports.free();
        // Debian's build persists to /var/lib/prometheus by default: each test gets its own, empty state.
        pushgateway = new ProcessBuilder(binary.toString(), "--web.listen-address=127.0.0.1:" + port,
                        "--persistence.file=" + directory.resolve("pushgateway.data"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Ports.isListening(port)) {
            assertTrue(System.nanoTime() < deadline, "the Pushgateway did not start");
            Thread.sleep(50);
        }
    }

    @AfterEach
    void stopPushgateway() throws Exception {
        if (pushgateway == null) {
            return; // skipped: no Pushgateway on this machine
        }
        pushgateway.destroy();
        pushgateway.waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void pushesOnItsIntervalWithTheJobAndGroupingKey() throws Exception {
        String agent = "port=0,pushgateway.enabled=true,pushgateway.address=127.0.0.1:" + port
                + ",pushgateway.interval=300ms,pushgateway.job=nightly-import";
        Path config = directory.resolve("agent.yaml");
        Files.writeString(config, "pushgateway:\n  grouping_key: {shard: \"3\"}\n");
        try (ChildJvm app = ChildJvm.app("plain-app").agent(agent + "," + Agents.config(config)).start()) {
            app.awaitAgentStartup();
            assertTrue(app.stderr().contains(", pushing to http://127.0.0.1:" + port + " job nightly-import;"),
                    app.describe("startup line"));

            Scrape pushed = awaitPushed();
            assertEquals(1.0, pushed.value("metrics_agent_build_info", Map.of("job", "nightly-import",
                    "shard", "3", "instance", "", "version", System.getProperty("metrics.agent.version"))));
            assertFalse(pushed.hasMetric("http_client_request_duration_seconds_count"),
                    "the agent's own pushes were recorded as the application's HTTP calls");
        }
    }

    @Test
    void aShortJobsFinalValuesArePushedWhenItExits() throws Exception {
        String agent = "port=0,pushgateway.enabled=true,pushgateway.address=127.0.0.1:" + port
                + ",pushgateway.interval=1h";
        try (ChildJvm app = ChildJvm.app("plain-app").args("--exit-after-ms", "500").agent(agent).start()) {
            assertEquals(0, app.awaitExit(Duration.ofSeconds(30)), app.describe("exit code"));
        }

        Scrape pushed = awaitPushed();
        assertTrue(pushed.hasMetric("metrics_agent_build_info"), "no final push at exit");
    }

    @Test
    void deleteOnShutdownRemovesTheGroupWhenTheJvmExits() throws Exception {
        String agent = "port=0,pushgateway.enabled=true,pushgateway.address=127.0.0.1:" + port
                + ",pushgateway.interval=200ms,pushgateway.delete_on_shutdown=true";
        try (ChildJvm app = ChildJvm.app("plain-app").agent(agent).start()) {
            app.awaitAgentStartup();
            awaitPushed();
            app.closeStdin();
            assertEquals(0, app.awaitExit(Duration.ofSeconds(30)), app.describe("exit code"));
        }

        assertFalse(Scrape.parse(fetchPushgateway()).hasMetric("metrics_agent_build_info"),
                "the group is still in the Pushgateway");
    }

    /** Waits for the first push to arrive in the Pushgateway and returns what it holds. */
    private Scrape awaitPushed() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            Scrape scrape = Scrape.parse(fetchPushgateway());
            if (scrape.hasMetric("metrics_agent_build_info")) {
                return scrape;
            }
            assertTrue(System.nanoTime() < deadline, "nothing was pushed within 20 s");
            Thread.sleep(100);
        }
    }

    private String fetchPushgateway() {
        return new String(Scrape.raw(URI.create("http://127.0.0.1:" + port + "/metrics")).body(),
                StandardCharsets.UTF_8);
    }
}
