package dev.metricsagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metricsagent.it.Jdks.Jdk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent in an application with no library: it starts, announces itself and serves its metrics. */
class AgentStartupIT {

    private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0";
    private static final String PROTOBUF =
            "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";

    private static ChildJvm startPlainApp(Jdk jdk, String agentArgs) {
        ChildJvm app = ChildJvm.app("plain-app").jdk(jdk).agent(agentArgs).start();
        app.awaitStdout("^plain-app ready$");
        return app;
    }

    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void announcesItselfOnceOnStderrAndTheApplicationRuns(Jdk jdk) {
        try (ChildJvm app = startPlainApp(jdk, "port=0")) {
            MatchResult startup = app.awaitAgentStartup();
            Scrape.fetch(app.metricsUrl());

            List<String> startupLines = app.stderrLines().stream()
                    .filter(line -> line.startsWith("metrics-agent "))
                    .collect(Collectors.toList());
            assertEquals(1, startupLines.size(), app.describe("expected one startup line"));
            assertEquals(ChildJvm.agentVersion(), startup.group(1));
            assertNotEquals(0, app.metricsPort());
            assertTrue(startup.group(2).endsWith("/metrics"), startup.group());

            // The agent's threads must not keep the JVM alive: plain-app returns from main.
            app.closeStdin();
            assertEquals(0, app.awaitExit(), app.describe("exit code"));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void printsNothingButItsStartupLineOnStderr(Jdk jdk) {
        try (ChildJvm app = startPlainApp(jdk, "port=0")) {
            app.awaitAgentStartup();
            app.closeStdin();
            assertEquals(0, app.awaitExit(), app.describe("exit code"));

            assertEquals(1, app.stderrLines().size(), app.describe("stderr has more than the startup line"));
        }
    }

    /**
     * The agent never makes the application's java.util.logging manager: neither its start nor
     * a scrape (JVM metrics included) touches java.util.logging. The second run shows that the
     * test would see it: the application's own first logger makes the manager.
     */
    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void leavesTheApplicationsLogManagerToTheApplication(Jdk jdk) {
        String logManager = "-Djava.util.logging.manager=dev.metricsagent.it.apps.ReportingLogManager";
        try (ChildJvm app = ChildJvm.app("plain-app").jdk(jdk).agent("port=0").jvmArgs(logManager).start()) {
            app.awaitStdout("^plain-app ready$");
            app.awaitAgentStartup();
            Scrape.fetch(app.metricsUrl());
            app.closeStdin();
            assertEquals(0, app.awaitExit(), app.describe("exit code"));

            assertTrue(app.stderrLines().stream().noneMatch(line -> line.startsWith("plain-app: log manager made")),
                    app.describe("the agent made the log manager"));
        }
        try (ChildJvm app = ChildJvm.app("plain-app").jdk(jdk).agent("port=0").jvmArgs(logManager)
                .args("--log-with-jul").start()) {
            app.awaitStdout("^plain-app ready$");
            app.awaitAgentStartup();
            app.closeStdin();
            assertEquals(0, app.awaitExit(), app.describe("exit code"));

            assertTrue(app.stderrLines().contains("plain-app: log manager made on thread main"),
                    app.describe("the application's logger did not make its log manager"));
        }
    }

    /** A prepared cache that another build filled (another agent jar, say) costs a slow start, and is named. */
    @Test
    void namesAConfiguredClassCacheThatHoldsOnlyOtherBuilds(@TempDir Path temp) throws IOException {
        Path otherBuild = Files.createDirectories(temp.resolve("cache/00000000000000000000000000000000"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.write(otherBuild.resolve("0123456789abcdef0123456789abcdef"), new byte[] {1});
        Files.setPosixFilePermissions(temp.resolve("cache"), PosixFilePermissions.fromString("rwx------"));

        try (ChildJvm app = startPlainApp(Jdks.current(), "port=0,class_cache.directory=" + temp.resolve("cache"))) {
            app.awaitAgentStartup();
            app.closeStdin();
            assertEquals(0, app.awaitExit(), app.describe("exit code"));

            assertTrue(app.stderrLines().stream().anyMatch(line -> line.startsWith("metrics-agent: class_cache.directory "
                    + temp.resolve("cache") + " holds classes for 1 other build but none for this one")),
                    app.describe("no word about the other build"));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void servesItsBuildInfoJvmMetricsAndAHealthCheck(Jdk jdk) {
        try (ChildJvm app = startPlainApp(jdk, "port=0")) {
            Scrape scrape = Scrape.fetch(app.metricsUrl());

            assertEquals(1.0, scrape.value("metrics_agent_build_info", Map.of("version", ChildJvm.agentVersion())));
            assertTrue(scrape.hasMetric("jvm_memory_used_bytes"), scrape::text);
            assertTrue(scrape.hasMetric("jvm_threads_current"), scrape::text);
            assertTrue(scrape.hasMetric("jvm_classes_currently_loaded"), scrape::text);
            assertTrue(scrape.hasMetric("process_cpu_seconds_total"), scrape::text);
            assertTrue(scrape.value("jvm_memory_used_bytes", Map.of("area", "heap")) > 0, scrape::text);

            Scrape.Response healthy = Scrape.raw(app.agentUrl("/-/healthy"));
            assertEquals(200, healthy.status(), healthy::bodyText);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void negotiatesTheExpositionFormatAndCompression(Jdk jdk) {
        try (ChildJvm app = startPlainApp(jdk, "port=0")) {
            Scrape.Response text = Scrape.raw(app.metricsUrl());
            assertEquals(200, text.status());
            assertTrue(text.contentType().startsWith("text/plain; version=0.0.4"), text.contentType());
            assertTrue(Scrape.parse(text.bodyText()).hasMetric("metrics_agent_build_info"), text::bodyText);

            Scrape.Response openMetrics = Scrape.raw(app.metricsUrl(), Map.of("Accept", OPENMETRICS));
            assertEquals(200, openMetrics.status());
            assertTrue(openMetrics.contentType().startsWith("application/openmetrics-text; version=1.0.0"),
                    openMetrics.contentType());
            assertTrue(openMetrics.bodyText().endsWith("# EOF\n"), openMetrics::bodyText);
            assertEquals(1.0, Scrape.parse(openMetrics.bodyText())
                    .value("metrics_agent_build_info", Map.of("version", ChildJvm.agentVersion())));

            Scrape.Response protobuf = Scrape.raw(app.metricsUrl(), Map.of("Accept", PROTOBUF));
            assertEquals(200, protobuf.status());
            assertEquals(PROTOBUF, protobuf.contentType());
            assertTrue(protobuf.protobufFamilyNames().contains("metrics_agent_build_info"),
                    () -> protobuf.protobufFamilyNames().toString());

            Scrape.Response gzipped = Scrape.raw(app.metricsUrl(), Map.of("Accept-Encoding", "gzip"));
            assertEquals(200, gzipped.status());
            assertEquals("gzip", gzipped.header("Content-Encoding"));
            String unzipped = new String(gzipped.gunzippedBody(), StandardCharsets.UTF_8);
            assertTrue(Scrape.parse(unzipped).hasMetric("metrics_agent_build_info"), unzipped);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void jvmMetricsCanBeSwitchedOff(Jdk jdk) {
        try (ChildJvm app = startPlainApp(jdk, "port=0,jvm_metrics=false")) {
            Scrape scrape = Scrape.fetch(app.metricsUrl());

            assertEquals(1.0, scrape.value("metrics_agent_build_info", Map.of("version", ChildJvm.agentVersion())));
            assertEquals(List.of(), List.copyOf(scrape.namesStartingWith("jvm_")));
            assertEquals(List.of(), List.copyOf(scrape.namesStartingWith("process_")));
        }
    }
}
