package dev.metricsagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metricsagent.it.Jdks.Jdk;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An application that brings its own Prometheus client (1.3.0), Byte Buddy (1.14.18) and
 * SnakeYAML (1.33), where the agent uses 1.5.0, 1.18.17 and 2.5: each side sees only its own
 * classes, its own registry and its own settings.
 */
class ClassLoaderIsolationIT {

    private static ChildJvm.Builder isolationApp(Jdk jdk) {
        return ChildJvm.app("isolation-app").jdk(jdk).agent("port=0").args("0");
    }

    /** What isolation-app printed after {@code isolation-app <what>: }. */
    private static String appSays(ChildJvm app, String what) {
        return app.awaitStdout("^isolation-app " + Pattern.quote(what) + ": (.*)$").group(1);
    }

    private static URI appMetricsUrl(ChildJvm app) {
        String port = app.awaitStdout("^isolation-app metrics on port (\\d+)$").group(1);
        return URI.create("http://127.0.0.1:" + port + "/metrics");
    }

    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void theApplicationLoadsItsOwnLibraryVersions(Jdk jdk) {
        try (ChildJvm app = isolationApp(jdk).start()) {
            app.awaitStdout("^isolation-app ready$");
            Path lib = ChildJvm.appsDir().resolve("isolation-app/target/lib");

            assertEquals(lib.resolve("prometheus-metrics-core-1.3.0.jar"),
                    codeSource(app, "io.prometheus.metrics.core.metrics.Counter"));
            assertEquals(lib.resolve("prometheus-metrics-exporter-httpserver-1.3.0.jar"),
                    codeSource(app, "io.prometheus.metrics.exporter.httpserver.HTTPServer"));
            assertEquals(lib.resolve("prometheus-metrics-config-1.3.0.jar"),
                    codeSource(app, "io.prometheus.metrics.config.PrometheusProperties"));
            assertEquals(lib.resolve("prometheus-metrics-instrumentation-jvm-1.3.0.jar"),
                    codeSource(app, "io.prometheus.metrics.instrumentation.jvm.JvmMetrics"));
            assertEquals(lib.resolve("byte-buddy-1.14.18.jar"), codeSource(app, "net.bytebuddy.ByteBuddy"));
            assertEquals(lib.resolve("snakeyaml-1.33.jar"), codeSource(app, "org.yaml.snakeyaml.Yaml"));

            assertEquals("1.3.0", appSays(app, "version prometheus-metrics-core"));
            assertEquals("1.14.18", appSays(app, "version byte-buddy"));
            assertEquals("1.33", appSays(app, "version snakeyaml"));

            assertEquals("made by the application's byte buddy", appSays(app, "byte-buddy subclass says"));
            assertEquals("{name=isolation, values=[1, 2, 3], nested={enabled=true}}", appSays(app, "yaml"));
            // From the app's own prometheus.properties (src/main/resources).
            assertEquals("[0.5, 1.5, +Inf]", appSays(app, "histogram classic upper bounds"));
        }
    }

    private static Path codeSource(ChildJvm app, String className) {
        return Paths.get(URI.create(appSays(app, "code source " + className))).toAbsolutePath().normalize();
    }

    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void theApplicationAndTheAgentEachServeOnlyTheirOwnRegistry(Jdk jdk) {
        try (ChildJvm app = isolationApp(jdk).start()) {
            app.awaitStdout("^isolation-app ready$");

            Scrape appScrape = Scrape.fetch(appMetricsUrl(app));
            assertEquals(3.0, appScrape.value("isolation_app_requests_total"));
            assertEquals(List.of(), List.copyOf(appScrape.namesStartingWith("metrics_agent_")), appScrape::text);
            // JvmMetrics is on the app's classpath but not registered by it.
            assertEquals(List.of(), List.copyOf(appScrape.namesStartingWith("jvm_")), appScrape::text);
            assertEquals(List.of(), List.copyOf(appScrape.namesStartingWith("process_")), appScrape::text);

            Scrape agentScrape = Scrape.fetch(app.metricsUrl());
            assertEquals(1.0, agentScrape.value("metrics_agent_build_info", Map.of("version", ChildJvm.agentVersion())));
            assertTrue(agentScrape.hasMetric("jvm_memory_used_bytes"), agentScrape::text);
            assertEquals(List.of(), List.copyOf(agentScrape.namesStartingWith("isolation_app_")), agentScrape::text);
        }
    }

    /**
     * The Prometheus client reads prometheus.properties from the classpath, io.prometheus.*
     * system properties and (from 1.5.0 on) IO_PROMETHEUS_* environment variables. All of them
     * belong to the application. The settings below would each visibly change the agent if they
     * reached it: another port, a filter hiding its metrics. The app (1.3.0) reads the system
     * properties but not the environment; only an agent that loaded the settings reads both.
     */
    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void theApplicationsPrometheusSettingsDoNotReachTheAgent(Jdk jdk) {
        int appPort = Ports.free();
        int envPort = Ports.free();
        try (ChildJvm app = isolationApp(jdk)
                .jvmArgs("-Dio.prometheus.exporter.httpServer.port=" + appPort,
                        "-Dio.prometheus.metrics.histogramNativeOnly=true",
                        "-Dio.prometheus.exporter.filter.metricNameMustNotStartWith=metrics_agent_,jvm_")
                .env("IO_PROMETHEUS_EXPORTER_HTTP_SERVER_PORT", Integer.toString(envPort))
                .env("IO_PROMETHEUS_METRICS_HISTOGRAM_NATIVE_ONLY", "true")
                .env("IO_PROMETHEUS_EXPORTER_FILTER_METRIC_NAME_MUST_BE_EQUAL_TO", "isolation_app_requests_total")
                .start()) {
            app.awaitStdout("^isolation-app ready$");

            // The application saw its settings...
            assertEquals("histogramNativeOnly=true histogramClassicUpperBounds=[0.5, 1.5] httpServerPort=" + appPort,
                    appSays(app, "prometheus properties"));
            assertEquals("[]", appSays(app, "histogram classic upper bounds"));
            assertEquals(appPort, appMetricsUrl(app).getPort());
            assertEquals(3.0, Scrape.fetch(appMetricsUrl(app)).value("isolation_app_requests_total"));

            // ...and the agent did not: it serves on the port it was told (0: a free one),
            // unfiltered.
            int agentPort = app.metricsPort();
            assertNotEquals(appPort, agentPort);
            assertNotEquals(envPort, agentPort);
            assertFalse(Ports.isListening(envPort), app.describe("something serves on the environment's port"));
            Scrape agentScrape = Scrape.fetch(app.metricsUrl());
            assertEquals(1.0, agentScrape.value("metrics_agent_build_info", Map.of("version", ChildJvm.agentVersion())));
            assertTrue(agentScrape.hasMetric("jvm_memory_used_bytes"), agentScrape::text);
            // TODO(histograms): once an instrumentation records a histogram in this app, assert its
            // buckets are the classic ones of docs/CONVENTIONS, not [0.5, 1.5] nor native-only.
        }
    }

    /**
     * Settings the agent's client version would reject: a port that is not a number, a key it
     * does not know (a newer client's, say). The client's loader throws on both, from a static
     * initializer, which used to stop the agent's start. The app (1.3.0) does not read the
     * environment, so it starts either way.
     */
    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void prometheusSettingsTheAgentsClientWouldRejectDoNotStopTheAgent(Jdk jdk) {
        try (ChildJvm app = isolationApp(jdk)
                .env("IO_PROMETHEUS_EXPORTER_HTTP_SERVER_PORT", "not-a-number")
                .env("IO_PROMETHEUS_NO_SUCH_KEY", "1")
                .start()) {
            app.awaitStdout("^isolation-app ready$");

            Scrape agentScrape = Scrape.fetch(app.metricsUrl());
            assertEquals(1.0, agentScrape.value("metrics_agent_build_info", Map.of("version", ChildJvm.agentVersion())));
            assertFalse(app.stderr().contains("failed to start"), app.describe("the agent failed to start"));
        }
    }
}
