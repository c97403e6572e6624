package dev.metricsagent.benchmarks;

import java.io.File;

/** Where the built agent is, for benchmarks that fork JVMs with {@code -javaagent:}. */
public final class AgentJar {

  private AgentJar() {}

  /** {@code -Dmetrics.agent.jar=...}, else agent/target/metrics-agent.jar from the checkout. */
  public static String path() {
    String configured = System.getProperty("metrics.agent.jar");
    if (configured != null) {
      return configured;
    }
    for (File dir = new File("").getAbsoluteFile(); dir != null; dir = dir.getParentFile()) {
      File jar = new File(dir, "agent/target/metrics-agent.jar");
      if (jar.isFile()) {
        return jar.getAbsolutePath();
      }
    }
    throw new IllegalStateException(
        "agent/target/metrics-agent.jar not found: build it (mvn -B package -DskipTests) or pass"
            + " -Dmetrics.agent.jar=<path>");
  }

  /** The JVM argument that attaches the agent with a free metrics port and no JVM metrics. */
  public static String javaagentArgument() {
    return "-javaagent:" + path() + "=port=0";
  }

  /**
   * Fails the fork when the agent is, or is not, attached against expectation: a benchmark of the
   * wrong setup is worthless. The agent is attached when its bridge class is in the bootstrap
   * class loader.
   */
  public static void check(boolean expected, String bridgeClass) {
    boolean attached;
    try {
      Class.forName(bridgeClass, false, null);
      attached = true;
    } catch (ClassNotFoundException e) {
      attached = false;
    }
    if (attached != expected) {
      throw new IllegalStateException(
          "agent attached: " + attached + ", expected: " + expected
              + " (run from the repository root, after building agent/target/metrics-agent.jar)");
    }
  }
}
