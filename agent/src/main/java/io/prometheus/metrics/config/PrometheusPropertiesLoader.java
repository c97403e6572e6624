package io.prometheus.metrics.config;

import java.util.Map;

/**
 * Takes the place of the Prometheus client's own loader in the agent jar. The client's
 * {@code PrometheusProperties} calls {@link #load()} from its static initializer, and the
 * client's loader reads prometheus.properties from the classpath, {@code io.prometheus.*} system
 * properties and {@code IO_PROMETHEUS_*} environment variables, and throws on any key or value
 * it does not know. Those settings belong to the application's own client, often another
 * version: {@code IO_PROMETHEUS_NO_SUCH_KEY=1} in the environment was enough to stop the agent's
 * start. The agent never uses the loaded settings ({@code PrometheusSettings} builds its own), so
 * this loader reads nothing and returns the client's defaults.
 */
public class PrometheusPropertiesLoader {

  public static PrometheusProperties load() {
    return PrometheusProperties.builder().build();
  }

  /** The client's defaults: the agent takes no settings from the outside this way either. */
  public static PrometheusProperties load(Map<Object, Object> externalProperties) {
    return load();
  }
}
