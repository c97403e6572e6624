package dev.metricsagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The harness itself, on plain-app. */
class ChildJvmTest {

    @Test
    void runsAnAppUntilItsStandardInputCloses() {
        try (ChildJvm app = ChildJvm.app("plain-app").start()) {
            app.awaitOutput("^plain-app ready$");
            assertTrue(app.isAlive());

            app.closeStdin();

            assertEquals(0, app.awaitExit());
            assertEquals(0, app.exitCode());
            assertTrue(app.stdout().endsWith("plain-app exiting\n"), app.stdout());
        }
    }

    @Test
    void passesArgumentsJvmOptionsAndTheMainClass() {
        try (ChildJvm app = ChildJvm.app("plain-app")
                .mainClass("dev.metricsagent.it.apps.PlainApp")
                .jvmArgs("-Dunused=1")
                .args("--exit-after-ms", "0")
                .start()) {
            assertEquals(0, app.awaitExit());
            assertTrue(app.command().contains("-Dunused=1"), app.command()::toString);
        }
    }

    @Test
    void capturesStderrAndTheExitCode() {
        try (ChildJvm app = ChildJvm.app("plain-app").args("--bogus").start()) {
            assertEquals(2, app.awaitExit());
            assertEquals("plain-app: unknown argument --bogus\n", app.stderr());
            assertEquals("", app.stdout());
        }
    }

    @Test
    void awaitingOutputFailsAsSoonAsTheJvmHasExited() {
        try (ChildJvm app = ChildJvm.app("plain-app").args("--bogus").start()) {
            AssertionError error = assertThrows(AssertionError.class,
                    () -> app.awaitStdout("never printed", Duration.ofMinutes(5)));

            assertTrue(error.getMessage().contains("exited with code 2"), error.getMessage());
            assertTrue(error.getMessage().contains("plain-app: unknown argument --bogus"), error.getMessage());
        }
    }

    @Test
    void awaitingOutputFailsAfterTheTimeout() {
        try (ChildJvm app = ChildJvm.app("plain-app").start()) {
            AssertionError error = assertThrows(AssertionError.class,
                    () -> app.awaitStdout("never printed", Duration.ofMillis(300)));

            assertTrue(error.getMessage().contains("within PT0.3S"), error.getMessage());
        }
    }

    @Test
    void waitingForTheAgentStopsAsSoonAsItSaysItWillNotServe() {
        try (ChildJvm app = ChildJvm.app("plain-app").agent("port=abc").start()) {
            AssertionError error = assertThrows(AssertionError.class, app::metricsUrl);

            assertTrue(error.getMessage().contains("the agent does not serve metrics: metrics-agent: invalid configuration"),
                    error.getMessage());
        }
    }

    @Test
    void closeKillsTheJvm() {
        ChildJvm app = ChildJvm.app("plain-app").start();
        app.awaitStdout("plain-app ready");

        app.close();

        assertFalse(app.isAlive());
    }

    @Test
    void runsOnEveryJdk() {
        Jdks.all().forEach(jdk -> {
            try (ChildJvm app = ChildJvm.app("plain-app").jdk(jdk).jvmArgs("-XshowSettings:properties")
                    .args("--exit-after-ms", "0").start()) {
                assertEquals(0, app.awaitExit());
                assertTrue(app.stderr().contains("java.home = " + jdk.home()), app.describe(jdk.toString()));
            }
        });
    }
}
