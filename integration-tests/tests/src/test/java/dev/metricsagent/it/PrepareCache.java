package dev.metricsagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** {@code java -jar metrics-agent.jar prepare-cache}, as an image's build would run it. */
public final class PrepareCache {

    private PrepareCache() {
    }

    /** Runs it to success and returns what it printed. */
    public static String run(Jdks.Jdk jdk, Path classpath, String agentArgs) throws Exception {
        Process prepare = new ProcessBuilder(jdk.home().resolve("bin/java").toString(),
                "-jar", ChildJvm.agentJar().toString(), "prepare-cache",
                "--classpath", classpath.toString(), "--agent-args", agentArgs)
                .redirectErrorStream(true).start();
        String output = new String(prepare.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(prepare.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(0, prepare.exitValue(), output);
        assertTrue(output.contains(", 0 failed"), output);
        return output;
    }
}
