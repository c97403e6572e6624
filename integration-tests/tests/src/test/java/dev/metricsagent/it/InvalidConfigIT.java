package dev.metricsagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An invalid configuration: one clear error block on stderr, then the application runs
 * without the agent, unless fail_fast asks for the JVM to exit.
 */
class InvalidConfigIT {

    private static final String RUNS_WITHOUT_AGENT =
            "metrics-agent: invalid configuration; the application runs without metrics-agent.";
    private static final String FAIL_FAST_EXITS = "fail_fast is set, so the JVM exits.";
    /** The agent's default port, from docs/configuration.md. */
    private static final int DEFAULT_PORT = 9464;

    @TempDir
    Path dir;

    private Path yaml(String content) throws IOException {
        Path file = dir.resolve("agent.yaml");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** Runs plain-app for a moment with the agent and these arguments; returns it exited. */
    private static ChildJvm runPlainApp(String agentArgs) {
        ChildJvm app = ChildJvm.app("plain-app").agent(agentArgs).args("--exit-after-ms", "1500").start();
        app.awaitExit();
        return app;
    }

    private static void assertRanWithoutTheAgent(ChildJvm app) {
        assertEquals(0, app.exitCode(), app.describe("exit code"));
        assertTrue(app.stdout().contains("plain-app ready"), app.describe("plain-app ready is missing"));
        assertTrue(app.stderr().contains(RUNS_WITHOUT_AGENT), app.describe("the error headline is missing"));
        assertFalse(ChildJvm.AGENT_STARTUP_LINE.matcher(app.stderr()).find(), app.describe("the agent served anyway"));
    }

    @Test
    void anUnknownKeyIsReportedWithItsLineAndASuggestionAndTheApplicationRunsWithoutTheAgent() throws IOException {
        Path config = yaml("server:\n  prot: 9464\n");
        int port = Ports.free();
        boolean defaultPortWasTaken = Ports.isListening(DEFAULT_PORT);

        try (ChildJvm app = ChildJvm.app("plain-app").agent(Agents.config(config) + ",port=" + port).start()) {
            app.awaitStdout("^plain-app ready$");
            app.awaitStderr(Pattern.quote(RUNS_WITHOUT_AGENT));
            app.awaitStderr(Pattern.quote(config.getFileName() + ":2:") + ".*"
                    + Pattern.quote("unknown key 'prot'; did you mean 'port'?"));

            assertFalse(Ports.isListening(port), app.describe("the agent's port " + port + " is open"));
            if (!defaultPortWasTaken) {
                assertFalse(Ports.isListening(DEFAULT_PORT), app.describe("the default port is open"));
            }
            app.closeStdin();
            assertEquals(0, app.awaitExit(), app.describe("exit code"));
            assertRanWithoutTheAgent(app);
        }
    }

    @Test
    void aYamlSyntaxErrorIsReportedWithLineAndColumn() throws IOException {
        Path config = yaml("server:\n  port: 9464\n  path: [/metrics\n");

        try (ChildJvm app = runPlainApp(Agents.config(config))) {
            assertRanWithoutTheAgent(app);
            assertTrue(Pattern.compile(Pattern.quote(config.getFileName().toString()) + ":\\d+:\\d+")
                    .matcher(app.stderr()).find(), app.describe("no file:line:column"));
        }
    }

    @Test
    void aBadAgentArgumentIsNamed() {
        try (ChildJvm app = runPlainApp("port=abc")) {
            assertRanWithoutTheAgent(app);
            assertTrue(app.stderr().contains("agent argument 'port'"), app.describe("the argument is not named"));
        }
    }

    @Test
    void failFastMakesTheJvmExitBeforeTheApplicationStarts() throws IOException {
        Path config = yaml("fail_fast: true\nserver:\n  prot: 9464\n");

        try (ChildJvm app = ChildJvm.app("plain-app").agent(Agents.config(config)).start()) {
            int exitCode = app.awaitExit();

            assertNotEquals(0, exitCode, app.describe("exit code"));
            assertTrue(app.stderr().contains(FAIL_FAST_EXITS), app.describe("the fail_fast headline is missing"));
            assertTrue(app.stderr().contains("unknown key 'prot'"), app.describe("the problem is missing"));
            assertFalse(app.stdout().contains("plain-app ready"), app.describe("the application started"));
        }
    }

    @Test
    void failFastAlsoAppliesToABadAgentArgument() {
        try (ChildJvm app = ChildJvm.app("plain-app").agent("fail_fast=true,port=abc").start()) {
            int exitCode = app.awaitExit();

            assertNotEquals(0, exitCode, app.describe("exit code"));
            assertTrue(app.stderr().contains(FAIL_FAST_EXITS), app.describe("the fail_fast headline is missing"));
            assertTrue(app.stderr().contains("agent argument 'port'"), app.describe("the argument is not named"));
            assertFalse(app.stdout().contains("plain-app ready"), app.describe("the application started"));
        }
    }
}
