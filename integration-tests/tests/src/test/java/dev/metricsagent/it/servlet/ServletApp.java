package dev.metricsagent.it.servlet;

import dev.metricsagent.it.ChildJvm;
import dev.metricsagent.it.Jdks;
import dev.metricsagent.it.Scrape;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A servlet container app (apps/tomcat*-app, jetty12-app, spring-boot3-app) running with the
 * agent: the port it announces ({@code servlet app ready port=N}) and scrapes of its metrics.
 */
final class ServletApp implements AutoCloseable {

    private static final Duration RECORDING_TIMEOUT = Duration.ofSeconds(15);

    private final ChildJvm jvm;
    private final URI base;

    private ServletApp(ChildJvm jvm, URI base) {
        this.jvm = jvm;
        this.base = base;
    }

    static ServletApp start(String name, Jdks.Jdk jdk, String... args) {
        return start(ChildJvm.app(name).jdk(jdk).agent("port=0").args(args));
    }

    static ServletApp start(ChildJvm.Builder app) {
        ChildJvm jvm = app.start();
        try {
            String port = jvm.awaitStdout("servlet app ready port=(\\d+)", Duration.ofSeconds(120)).group(1);
            return new ServletApp(jvm, URI.create("http://127.0.0.1:" + port));
        } catch (RuntimeException | Error e) {
            jvm.close();
            throw e;
        }
    }

    URI url(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    Scrape scrape() {
        return Scrape.fetch(jvm.metricsUrl());
    }

    /**
     * The value of a series once it reaches {@code expected}, or the last value seen after the
     * timeout: a response can reach the client a moment before the container runs the code
     * that records it (an async request's onComplete listeners, for one).
     */
    double awaitValue(String name, Map<String, String> labels, double expected) {
        long deadline = System.nanoTime() + RECORDING_TIMEOUT.toNanos();
        while (true) {
            Optional<Double> value = scrape().find(name, labels);
            if ((value.isPresent() && value.get() == expected) || System.nanoTime() > deadline) {
                // Absent: value() fails, listing the series of that name.
                return value.orElseGet(() -> scrape().value(name, labels));
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    ChildJvm jvm() {
        return jvm;
    }

    @Override
    public void close() {
        jvm.close();
    }
}
