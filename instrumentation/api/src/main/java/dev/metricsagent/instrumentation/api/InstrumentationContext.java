package dev.metricsagent.instrumentation.api;

import dev.metricsagent.config.AgentConfig;
import java.lang.instrument.Instrumentation;

/** What a family gets when it starts: the validated configuration and the metric factory. */
public final class InstrumentationContext {

  private final AgentConfig config;
  private final Meters meters;
  private final Instrumentation instrumentation;

  public InstrumentationContext(AgentConfig config, Meters meters) {
    this(config, meters, null);
  }

  public InstrumentationContext(AgentConfig config, Meters meters, Instrumentation instrumentation) {
    this.config = config;
    this.meters = meters;
    this.instrumentation = instrumentation;
  }

  public AgentConfig config() {
    return config;
  }

  public Meters meters() {
    return meters;
  }

  /**
   * The JVM's instrumentation, for families that rewrite JDK classes in named modules and must
   * give those modules a read edge to the bridge; null in unit tests.
   */
  public Instrumentation instrumentation() {
    return instrumentation;
  }
}
