package dev.metricsagent.agent;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmCompilationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryPoolAllocationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmNativeMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.ManagementFactory;

/**
 * The Prometheus client's JVM and process metrics, registered one collector at a time rather
 * than through {@code JvmMetrics}: the native-memory collector starts the platform MBean server
 * to ask whether native memory tracking is on, which costs tens of milliseconds of every start.
 * It is registered only when the JVM was started with {@code -XX:NativeMemoryTracking}.
 */
final class JvmMetricSet {

  private JvmMetricSet() {}

  static void register(PrometheusRegistry registry, PrometheusProperties properties) {
    JvmThreadsMetrics.builder(properties).register(registry);
    JvmBufferPoolMetrics.builder(properties).register(registry);
    JvmClassLoadingMetrics.builder(properties).register(registry);
    JvmCompilationMetrics.builder(properties).register(registry);
    JvmGarbageCollectorMetrics.builder(properties).register(registry);
    JvmMemoryPoolAllocationMetrics.builder(properties).register(registry);
    JvmMemoryMetrics.builder(properties).register(registry);
    JvmRuntimeInfoMetric.builder(properties).register(registry);
    ProcessMetrics.builder(properties).register(registry);
    if (nativeMemoryTrackingIsOn()) {
      JvmNativeMemoryMetrics.builder(properties).register(registry);
    }
  }

  private static boolean nativeMemoryTrackingIsOn() {
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("-XX:NativeMemoryTracking=")
          && !argument.equals("-XX:NativeMemoryTracking=off")) {
        return true;
      }
    }
    return false;
  }
}
