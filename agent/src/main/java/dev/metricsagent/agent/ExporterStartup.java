package dev.metricsagent.agent;

import dev.metricsagent.agent.exporter.MetricsServer;
import dev.metricsagent.agent.exporter.PushgatewayExporter;
import dev.metricsagent.bootstrap.AgentThreads;
import dev.metricsagent.config.AgentConfig;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Registers the JVM metrics and starts the /metrics server and the Pushgateway on an agent
 * thread while premain installs the instrumentation: the two do not depend on each other, and
 * side by side they cost the application's start the longer of the two, not the sum. premain
 * still waits for both, so the endpoint is up before the application's main method runs.
 */
final class ExporterStartup {

  private final Thread thread;
  private volatile MetricsServer server;
  private volatile PushgatewayExporter pushgateway;

  private ExporterStartup(AgentConfig config, PrometheusRegistry registry, PrometheusProperties properties) {
    thread =
        AgentThreads.newThread(
            "metrics-agent-startup", () -> startAll(config, registry, properties));
  }

  static ExporterStartup begin(
      AgentConfig config, PrometheusRegistry registry, PrometheusProperties properties) {
    ExporterStartup startup = new ExporterStartup(config, registry, properties);
    startup.thread.start();
    return startup;
  }

  private void startAll(AgentConfig config, PrometheusRegistry registry, PrometheusProperties properties) {
    try {
      if (config.jvmMetrics()) {
        JvmMetricSet.register(registry, properties);
      }
      if (config.server().enabled()) {
        server = MetricsServer.start(config.server(), registry, properties);
      }
      if (config.pushgateway().enabled()) {
        pushgateway = PushgatewayExporter.start(config.pushgateway(), registry, properties);
      }
    } catch (RuntimeException | LinkageError e) {
      System.err.println("metrics-agent: could not start its exporters: " + e);
    }
  }

  /** Waits until the exporters are started (or have failed and said why). */
  void await() {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  MetricsServer server() {
    return server;
  }

  PushgatewayExporter pushgateway() {
    return pushgateway;
  }
}
