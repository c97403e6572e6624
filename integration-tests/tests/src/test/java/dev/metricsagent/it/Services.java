package dev.metricsagent.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.Assumptions;

/**
 * Local services (PostgreSQL, MariaDB, Redis, RabbitMQ...) that some tests need.
 *
 * <pre>{@code
 * @BeforeAll
 * static void postgresql() {
 *     Services.require("postgresql", "127.0.0.1", 5432);
 * }
 * }</pre>
 *
 * <p>An unreachable service fails the test when {@code CI=true}; elsewhere the test is
 * skipped (a JUnit assumption) with a warning on stderr.
 */
public final class Services {

    private static final int CONNECT_TIMEOUT_MS = 3_000;

    private Services() {
    }

    /** Checks that something accepts TCP connections at host:port. */
    public static void require(String service, String host, int port) {
        IOException failure = connect(host, port);
        if (failure == null) {
            return;
        }
        String message = service + " is not reachable at " + host + ":" + port + " (" + failure + ")";
        if (Ci.isCi()) {
            throw new AssertionError(message + "; CI=true, so the test fails instead of being skipped."
                    + " Start " + service + " on this machine before running the integration tests.");
        }
        Ci.warn(message + ": test SKIPPED. With CI=true it would fail.");
        Assumptions.abort(message);
    }

    /** Finds an executable on the PATH (e.g. prometheus, promtool), with the same skip/fail rule. */
    public static java.nio.file.Path requireCommand(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            java.nio.file.Path candidate = java.nio.file.Path.of(dir, command);
            if (java.nio.file.Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = command + " is not installed (not on the PATH)";
        if (Ci.isCi()) {
            throw new AssertionError(message + "; CI=true, so the test fails instead of being skipped."
                    + " .ci/run installs it from Debian's packages.");
        }
        Ci.warn(message + ": test SKIPPED. With CI=true it would fail.");
        Assumptions.abort(message);
        return null;
    }

    /** Whether something accepts TCP connections at host:port. */
    public static boolean isReachable(String host, int port) {
        return connect(host, port) == null;
    }

    private static IOException connect(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            return null;
        } catch (IOException e) {
            return e;
        }
    }
}
