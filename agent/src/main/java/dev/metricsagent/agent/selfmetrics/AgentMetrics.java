package dev.metricsagent.agent.selfmetrics;

import dev.metricsagent.bootstrap.AdviceErrors;
import dev.metricsagent.instrumentation.api.Meters;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** The agent's metrics about itself: {@code metrics_agent_*}. */
public final class AgentMetrics {

  private final Counter classesTransformed;
  private final Counter transformationErrors;
  /**
   * An AtomicLong, not a Counter: the transformer runs while the JVM loads classes, also the
   * JDK's own, and a Counter's adder uses VarHandles, whose first use at a call site links it by
   * loading classes; when that happens inside the loading of one of those classes, the JVM
   * throws ClassCircularityError into whoever loads it. AtomicLong uses Unsafe, which links
   * nothing.
   */
  private final AtomicLong transformationNanos = new AtomicLong();
  private final Gauge startupSeconds;
  private final PrometheusProperties properties;
  private final PrometheusRegistry registry;

  public AgentMetrics(
      Meters meters,
      PrometheusProperties properties,
      String version,
      Collection<String> allInstrumentations,
      Collection<String> activeInstrumentations) {
    this.properties = properties;
    this.registry = meters.registry();
    Info buildInfo =
        Info.builder(properties)
            .name("metrics_agent_build_info")
            .help("The metrics-agent build that records these metrics.")
            .labelNames("version")
            .register(meters.registry());
    buildInfo.setLabelValues(version);

    Gauge active =
        meters.gauge(
            "metrics_agent_instrumentations_active",
            "1 for each instrumentation that is enabled, 0 for each that is switched off.",
            "instrumentation");
    for (String name : allInstrumentations) {
      active.labelValues(name).set(activeInstrumentations.contains(name) ? 1 : 0);
    }

    classesTransformed =
        meters.counter(
            "metrics_agent_classes_transformed_total",
            "Classes rewritten, by instrumentation.",
            "instrumentation");
    transformationErrors =
        meters.counter(
            "metrics_agent_transformation_errors_total",
            "Classes an instrumentation failed to rewrite; they run unchanged.",
            "instrumentation");
    CounterWithCallback.builder(properties)
        .name("metrics_agent_transformation_seconds_total")
        .help("Time spent matching and rewriting classes as they load.")
        .callback(callback -> callback.call(transformationNanos.get() / 1e9))
        .register(meters.registry());
    CounterWithCallback.builder(properties)
        .name("metrics_agent_advice_errors_total")
        .help("Exceptions thrown inside instrumentation code at run time; they never reach the"
            + " application.")
        .callback(callback -> callback.call(AdviceErrors.count()))
        .register(meters.registry());
    startupSeconds =
        meters.gauge(
            "metrics_agent_startup_seconds",
            "Time from the JVM handing control to the agent until the agent was ready.");
  }

  /** {@code metrics_agent_class_cache_lookups_total}, when there is a class cache. */
  public void classCache(LongSupplier hits, LongSupplier misses) {
    CounterWithCallback.builder(properties)
        .name("metrics_agent_class_cache_lookups_total")
        .help("Classes looked up in the class_cache: hit (taken from it, Byte Buddy not run) or"
            + " miss (rewritten, then stored).")
        .labelNames("result")
        .callback(
            callback -> {
              callback.call(hits.getAsLong(), "hit");
              callback.call(misses.getAsLong(), "miss");
            })
        .register(registry);
  }

  public void classTransformed(String instrumentation) {
    classesTransformed.labelValues(instrumentation).inc();
  }

  public void transformationFailed(String instrumentation) {
    transformationErrors.labelValues(instrumentation).inc();
  }

  public void transformationTook(long nanos) {
    transformationNanos.addAndGet(nanos);
  }

  public void startupTook(long nanos) {
    startupSeconds.set(nanos / 1e9);
  }
}
