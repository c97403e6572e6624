package dev.metricsagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

  @TempDir Path directory;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Cli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void checkSaysAValidFileIsValid() throws IOException {
    Path yaml = Files.writeString(directory.resolve("agent.yaml"), "server:\n  port: 9100\n");

    assertEquals(0, run("check", yaml.toString()));
    assertEquals(yaml + ": valid", out.toString(StandardCharsets.UTF_8).trim());
  }

  @Test
  void checkPrintsEveryProblemWithItsLocationAndFails() throws IOException {
    Path yaml = Files.writeString(directory.resolve("agent.yaml"), "server:\n  prot: 9100\n");

    assertEquals(1, run("check", yaml.toString()));
    assertTrue(
        err.toString(StandardCharsets.UTF_8)
            .contains(yaml.toAbsolutePath() + ":2:3: server.prot: unknown key 'prot'; did you mean 'port'?"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void prepareCacheNeedsAClassPathThatExists() {
    assertEquals(2, run("prepare-cache"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: java -jar metrics-agent.jar prepare-cache"));

    assertEquals(2, run("prepare-cache", "--classpath", directory.resolve("missing.jar").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing.jar does not exist"));
  }

  @Test
  void prepareCacheRefusesAnInvalidConfigurationOrNoCache() {
    String classpath = directory.toString();

    assertEquals(1, run("prepare-cache", "--classpath", classpath, "--agent-args", "prot=9100"));
    assertTrue(
        err.toString(StandardCharsets.UTF_8)
            .startsWith("metrics-agent prepare-cache: invalid configuration, nothing prepared."),
        err.toString(StandardCharsets.UTF_8));

    assertEquals(1, run("prepare-cache", "--classpath", classpath, "--agent-args", "class_cache.enabled=false"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("class_cache.enabled is false"));
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    assertEquals(2, run("frobnicate"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("metrics-agent: unknown command 'frobnicate'."));
  }
}
