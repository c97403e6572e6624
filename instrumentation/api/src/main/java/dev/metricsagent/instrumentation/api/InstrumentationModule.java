package dev.metricsagent.instrumentation.api;

import dev.metricsagent.config.AgentConfig;
import java.util.List;

/**
 * One library family (servlet, jdbc, http_client, messaging, method rules): the types it
 * rewrites and the metrics it records. Every family has the same cast of classes beside its
 * module: one {@link TypeInstrumentation} per matched type, small static advice classes, a
 * bridge in {@code dev.metricsagent.bootstrap} that the advice calls, and a recorder that
 * implements that bridge with Prometheus metrics.
 */
public interface InstrumentationModule {

  /** The family's name, as it appears under {@code instrumentation:} in the YAML. */
  String name();

  default boolean enabled(AgentConfig config) {
    return config.instrumentation().isEnabled(name());
  }

  /**
   * Creates the family's metrics and connects its bootstrap bridge to them. Runs once, before
   * any class is transformed, so advice never records into a bridge that is not connected.
   */
  void start(InstrumentationContext context);

  List<TypeInstrumentation> typeInstrumentations();
}
