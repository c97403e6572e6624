package dev.metricsagent.instrumentation.api;

import dev.metricsagent.config.AgentConfig;
import dev.metricsagent.config.HistogramConfig;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * Creates the agent's metrics, always in the agent's own registry and with the agent's own
 * explicit {@link PrometheusProperties}, so that nothing the application configures for its
 * Prometheus client (prometheus.properties, IO_PROMETHEUS_* variables) reaches them.
 */
public final class Meters {

  private final PrometheusRegistry registry;
  private final PrometheusProperties properties;
  private final HistogramConfig histograms;
  private final int cardinalityLimit;
  private final Counter droppedLabelValues;

  public Meters(PrometheusRegistry registry, PrometheusProperties properties, AgentConfig config) {
    this.registry = registry;
    this.properties = properties;
    this.histograms = config.histograms();
    this.cardinalityLimit = config.cardinalityLimit();
    this.droppedLabelValues =
        Counter.builder(properties)
            .name("metrics_agent_label_values_dropped_total")
            .help(
                "Observations recorded under label value 'other' because their metric reached the"
                    + " cardinality limit (cardinality_limit).")
            .labelNames("metric")
            .withoutExemplars()
            .register(registry);
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  /**
   * A duration histogram with the configured buckets for {@code name} (which ends in
   * {@code _seconds}), classic buckets always, native buckets as well when configured.
   */
  public Histogram secondsHistogram(String name, String help, String... labelNames) {
    Histogram.Builder builder =
        Histogram.builder(properties)
            .name(name)
            .help(help)
            .unit(Unit.SECONDS)
            .labelNames(labelNames)
            .classicUpperBounds(histograms.bucketsFor(name))
            // The agent sees no trace context (its Prometheus client cannot see the
            // application's tracer), so exemplar sampling would be work on every call for nothing.
            .withoutExemplars();
    if (!histograms.nativeFor(name)) {
      builder.classicOnly();
    }
    return builder.register(registry);
  }

  public Counter counter(String name, String help, String... labelNames) {
    return Counter.builder(properties)
        .name(name)
        .help(help)
        .labelNames(labelNames)
        .withoutExemplars()
        .register(registry);
  }

  /**
   * Without exemplars, like the other meters: with them, the client samples an exemplar at each
   * change and schedules its next sampling on a timer thread, about ten times a second, for
   * exemplars nothing reads. For what calls raise and lower, {@link #inProgressGauge}.
   */
  public Gauge gauge(String name, String help, String... labelNames) {
    return Gauge.builder(properties)
        .name(name)
        .help(help)
        .labelNames(labelNames)
        .withoutExemplars()
        .register(registry);
  }

  /** A gauge of calls in progress: see {@link InProgressGauge}. */
  public InProgressGauge inProgressGauge(String name, String help, String... labelNames) {
    InProgressGauge gauge = new InProgressGauge();
    GaugeWithCallback.builder(properties)
        .name(name)
        .help(help)
        .labelNames(labelNames)
        .callback(gauge::collect)
        .register(registry);
    return gauge;
  }

  /** A cache of data points for {@code metricName}, bounded by the configured cardinality limit. */
  public <T> DataPointCache<T> dataPoints(
      String metricName, int labelCount, DataPointCache.Factory<T> factory) {
    return new DataPointCache<>(
        labelCount, cardinalityLimit, factory, droppedLabelValues.labelValues(metricName));
  }
}
