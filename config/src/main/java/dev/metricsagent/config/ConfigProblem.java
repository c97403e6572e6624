package dev.metricsagent.config;

/**
 * One thing wrong with the configuration: where it was written, which setting it concerns,
 * and what is wrong with it (what was expected, what was found, and how to fix it).
 */
public final class ConfigProblem {

  private final Location location;
  private final String keyPath;
  private final String message;

  ConfigProblem(Location location, String keyPath, String message) {
    this.location = location;
    this.keyPath = keyPath;
    this.message = message;
  }

  /**
   * Where the setting was written: {@code /abs/agent.yaml:12:5}, {@code agent argument 'port'},
   * {@code system property metrics.agent.server.port} or {@code environment METRICS_AGENT_PORT}.
   */
  public String location() {
    return location.toString();
  }

  /**
   * The setting concerned, as a dotted path with list indexes ({@code server.port},
   * {@code rules[2].labels.team}); empty when the problem concerns no single setting
   * (a YAML syntax error, an unknown environment variable).
   */
  public String keyPath() {
    return keyPath;
  }

  /** What is wrong, on one line: what was expected, what was found, and a hint where one helps. */
  public String message() {
    return message;
  }

  Location sortKey() {
    return location;
  }

  /** {@code location: keyPath: message}, or {@code location: message} without a key path. */
  @Override
  public String toString() {
    return keyPath.isEmpty() ? location + ": " + message : location + ": " + keyPath + ": " + message;
  }
}
