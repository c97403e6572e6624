package dev.metricsagent.config;

/** What a method rule records. */
public enum RuleType {
  /** A histogram {@code <metric>_seconds} of the time spent in the method (the default). */
  TIMER("timer", "_seconds"),
  /** A counter {@code <metric>_total} of the calls. */
  COUNTER("counter", "_total");

  private final String yamlName;
  private final String suffix;

  RuleType(String yamlName, String suffix) {
    this.yamlName = yamlName;
    this.suffix = suffix;
  }

  /** As written in YAML: {@code timer} or {@code counter}. */
  public String yamlName() {
    return yamlName;
  }

  /** What the agent appends to the rule's metric name: {@code _seconds} or {@code _total}. */
  public String suffix() {
    return suffix;
  }
}
