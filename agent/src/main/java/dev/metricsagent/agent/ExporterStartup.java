package dev.metricsagent.agent;

import dev.metricsagent.agent.exporter.MetricsServer;
import dev.metricsagent.agent.exporter.PushgatewayExporter;
import dev.metricsagent.bootstrap.AgentThreads;
import dev.metricsagent.config.AgentConfig;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Registers the JVM metrics and starts the /metrics server and the Pushgateway on an agent
 * thread while premain installs the instrumentation: neither needs the other, and the
 * application's classes need neither, so the application's start pays for none of them unless
 * premain waits ({@link #await}).
 */
final class ExporterStartup {

  private final Thread thread;
  private volatile MetricsServer server;
  private volatile PushgatewayExporter pushgateway;
  private boolean started;
  private Runnable whenStarted;

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
    Runnable action;
    synchronized (this) {
      started = true;
      action = whenStarted;
    }
    if (action != null) {
      action.run();
    }
  }

  /**
   * Runs the action once the exporters are started (or have failed and said why): on this
   * thread if they are, else on the exporters' thread when they are.
   */
  void whenStarted(Runnable action) {
    synchronized (this) {
      if (!started) {
        whenStarted = action;
        return;
      }
    }
    action.run();
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
