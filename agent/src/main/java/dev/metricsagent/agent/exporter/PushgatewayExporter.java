package dev.metricsagent.agent.exporter;

import dev.metricsagent.bootstrap.AgentThreads;
import dev.metricsagent.config.PushgatewayConfig;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Pushes the agent's registry to a Pushgateway on a fixed interval, and once more at shutdown,
 * for batch jobs and workers that live too briefly to be scraped. The agent's own HTTP client
 * instrumentation does not count these pushes: they run on the agent's threads.
 */
public final class PushgatewayExporter {

  private static final int SHUTDOWN_WAIT_SECONDS = 5;

  private final PushGateway pushGateway;
  private final PushgatewayConfig config;
  private final ScheduledExecutorService scheduler;
  private volatile boolean lastPushFailed;

  private PushgatewayExporter(PushGateway pushGateway, PushgatewayConfig config) {
    this.pushGateway = pushGateway;
    this.config = config;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> AgentThreads.newThread("metrics-agent-pushgateway", task));
  }

  public static PushgatewayExporter start(
      PushgatewayConfig config, PrometheusRegistry registry, PrometheusProperties properties) {
    PushGateway.Builder builder =
        PushGateway.builder(properties)
            .address(config.address())
            .scheme("https".equals(config.scheme()) ? Scheme.HTTPS : Scheme.HTTP)
            .job(config.job())
            .registry(registry);
    for (Map.Entry<String, String> key : config.groupingKey().entrySet()) {
      builder.groupingKey(key.getKey(), key.getValue());
    }
    PushgatewayExporter exporter = new PushgatewayExporter(builder.build(), config);
    long intervalMillis = config.interval().toMillis();
    exporter.scheduler.scheduleAtFixedRate(
        exporter::push, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    Runtime.getRuntime()
        .addShutdownHook(
            AgentThreads.newThread("metrics-agent-pushgateway-shutdown", exporter::shutdown));
    return exporter;
  }

  public String describe() {
    return config.scheme() + "://" + config.address() + " job " + config.job();
  }

  private void push() {
    try {
      pushGateway.push();
      if (lastPushFailed) {
        System.err.println("metrics-agent: pushing to the Pushgateway works again.");
      }
      lastPushFailed = false;
    } catch (Exception e) {
      // Report the first failure of a run of failures, not every interval.
      if (!lastPushFailed) {
        System.err.println(
            "metrics-agent: cannot push to the Pushgateway at "
                + describe()
                + ": "
                + e
                + " (will keep trying every "
                + config.interval().toMillis()
                + " ms)");
      }
      lastPushFailed = true;
    }
  }

  /** The final values of a batch job stay in the Pushgateway unless asked to delete them. */
  private void shutdown() {
    // A push still in flight must land before the last push or the delete, not after it.
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!config.deleteOnShutdown()) {
      push();
    } else {
      try {
        pushGateway.delete();
      } catch (Exception e) {
        System.err.println("metrics-agent: cannot delete the Pushgateway group: " + e);
      }
    }
  }
}
