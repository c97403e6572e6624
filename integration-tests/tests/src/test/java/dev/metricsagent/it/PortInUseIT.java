package dev.metricsagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The metrics port already taken: a clear error, and the application runs on. */
class PortInUseIT {

    @Test
    void aTakenPortIsReportedAndTheApplicationRunsOn() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();

            try (ChildJvm app = ChildJvm.app("plain-app").agent("port=" + port).start()) {
                app.awaitStdout("^plain-app ready$");
                String error = app.awaitStderr("metrics-agent: cannot serve metrics on").group();
                String line = app.stderrLines().stream()
                        .filter(l -> l.contains(error)).findFirst().orElseThrow();

                assertTrue(line.contains(":" + port), app.describe("the port is not named"));
                assertTrue(line.contains("already in use"), app.describe("the reason is not given"));
                assertFalse(ChildJvm.AGENT_STARTUP_LINE.matcher(app.stderr()).find(),
                        app.describe("the agent claims to serve"));

                app.closeStdin();
                assertEquals(0, app.awaitExit(), app.describe("exit code"));
                assertTrue(Pattern.compile("(?m)^plain-app exiting$").matcher(app.stdout()).find());
            }
        }
    }
}
