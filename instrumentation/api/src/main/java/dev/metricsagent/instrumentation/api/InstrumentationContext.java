package dev.metricsagent.instrumentation.api;

import dev.metricsagent.config.AgentConfig;

/** What a family gets when it starts: the validated configuration and the metric factory. */
public final class InstrumentationContext {

  private final AgentConfig config;
  private final Meters meters;

  public InstrumentationContext(AgentConfig config, Meters meters) {
    this.config = config;
    this.meters = meters;
  }

  public AgentConfig config() {
    return config;
  }

  public Meters meters() {
    return meters;
  }
}
