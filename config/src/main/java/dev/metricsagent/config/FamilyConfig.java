package dev.metricsagent.config;

/** The settings of one library family under {@code instrumentation:} (servlet, jdbc, ...). */
public class FamilyConfig {

  private final boolean enabled;

  FamilyConfig(boolean enabled) {
    this.enabled = enabled;
  }

  /** {@code instrumentation.<family>.enabled}, default true. */
  public boolean enabled() {
    return enabled;
  }

  @Override
  public String toString() {
    return "{enabled=" + enabled + "}";
  }
}
