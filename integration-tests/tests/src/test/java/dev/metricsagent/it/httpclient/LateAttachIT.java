package dev.metricsagent.it.httpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.tools.attach.VirtualMachine;
import dev.metricsagent.it.ChildJvm;
import dev.metricsagent.it.Jdks;
import dev.metricsagent.it.Scrape;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent attached to a running JVM (agentmain) instruments classes that were loaded, and
 * used, before it came: the JDK's HttpURLConnection (bootstrap loader), java.net.http (platform
 * loader, a named module) and Apache HttpClient 5 (the application's loader). Calls made before
 * the attach are not recorded; every call after it is, exactly once.
 */
class LateAttachIT {

    private static final String DURATION = "http_client_request_duration_seconds_count";
    private static final List<String> CLIENTS = List.of("urlconnection", "javahttp-send", "apache5");
    private static final int CALLS_AFTER_ATTACH = 3;

    @TempDir
    Path directory;

    @ParameterizedTest
    @MethodSource("dev.metricsagent.it.Jdks#all")
    void classesLoadedBeforeTheAgentAreInstrumented(Jdks.Jdk jdk) throws Exception {
        try (CountingServer http = CountingServer.http()) {
            String[] before = CLIENTS.stream().map(client -> request(client, http)).toArray(String[]::new);
            try (ChildJvm app = ChildJvm.app("http-client-app").jdk(jdk).args(before).start()) {
                app.awaitStdout("http-client-app done");

                VirtualMachine target = VirtualMachine.attach(Long.toString(app.pid()));
                try {
                    Path config = HttpClientIT.writeConfig(directory, CLIENTS);
                    target.loadAgent(ChildJvm.agentJar().toString(), "config=" + config + ",port=0");
                } finally {
                    target.detach();
                }
                app.awaitAgentStartup();

                for (int call = 0; call < CALLS_AFTER_ATTACH; call++) {
                    for (String client : CLIENTS) {
                        app.sendLine(request(client, http));
                    }
                }
                awaitAnswers(app, CLIENTS.size() * (CALLS_AFTER_ATTACH + 1));

                Scrape scrape = Scrape.fetch(app.metricsUrl());
                for (String client : CLIENTS) {
                    assertEquals(CALLS_AFTER_ATTACH + 1, http.received("127.0.0.1", "/" + client + "/ok"), client);
                    Map<String, String> series = HttpClientIT.series(
                            "200", "", Integer.toString(http.port()), "/" + client + "/{page}");
                    assertEquals(CALLS_AFTER_ATTACH, scrape.value(DURATION, series),
                            client + ": calls after the attach, each once\n" + scrape);
                }
                assertEquals(0.0, scrape.sum("metrics_agent_transformation_errors_total", Map.of()));
                assertEquals(0.0, scrape.value("metrics_agent_advice_errors_total"));
            }
        }
    }

    /** Waits until the application has printed this many answers. */
    private static void awaitAnswers(ChildJvm app, int answers) throws InterruptedException {
        long deadline = System.nanoTime() + ChildJvm.DEFAULT_TIMEOUT.toNanos();
        while (app.stdoutLines().stream().filter(line -> line.endsWith(" -> 200")).count() < answers) {
            if (System.nanoTime() > deadline || !app.isAlive()) {
                throw new AssertionError(app.describe("expected " + answers + " answers"));
            }
            Thread.sleep(20);
        }
    }

    private static String request(String client, CountingServer http) {
        return client + "=http://127.0.0.1:" + http.port() + "/" + client + "/ok";
    }
}
