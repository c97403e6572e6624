package dev.metricsagent.agent;

import io.prometheus.metrics.config.PrometheusProperties;

/**
 * The Prometheus client's settings for everything the agent creates. Built explicitly from
 * the client's defaults and never loaded: the client's loader would read the application's
 * prometheus.properties, its {@code io.prometheus.*} system properties and
 * {@code IO_PROMETHEUS_*} environment, which belong to the application's own client (the agent
 * jar's {@code io.prometheus.metrics.config.PrometheusPropertiesLoader} reads none of them).
 */
final class PrometheusSettings {

  private PrometheusSettings() {}

  static PrometheusProperties isolated() {
    return PrometheusProperties.builder().build();
  }
}
