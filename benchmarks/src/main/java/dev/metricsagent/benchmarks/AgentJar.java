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
}
