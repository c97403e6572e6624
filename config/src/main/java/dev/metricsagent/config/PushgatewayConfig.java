package dev.metricsagent.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code pushgateway:}: pushing the metrics to a Prometheus Pushgateway, for short-lived jobs. */
public final class PushgatewayConfig {

  private final boolean enabled;
  private final String address;
  private final String scheme;
  private final String job;
  private final Duration interval;
  private final Map<String, String> groupingKey;
  private final boolean deleteOnShutdown;

  PushgatewayConfig(boolean enabled, String address, String scheme, String job, Duration interval,
      Map<String, String> groupingKey, boolean deleteOnShutdown) {
    this.enabled = enabled;
    this.address = address;
    this.scheme = scheme;
    this.job = job;
    this.interval = interval;
    this.groupingKey = Collections.unmodifiableMap(new LinkedHashMap<>(groupingKey));
    this.deleteOnShutdown = deleteOnShutdown;
  }

  /** {@code pushgateway.enabled}, default false. */
  public boolean enabled() {
    return enabled;
  }

  /** {@code pushgateway.address}: host:port, default {@code localhost:9091}. */
  public String address() {
    return address;
  }

  /** {@code pushgateway.scheme}: {@code http} (default) or {@code https}, always lower case. */
  public String scheme() {
    return scheme;
  }

  /** {@code pushgateway.job}: the job label of the pushed group, default {@code metrics-agent}. */
  public String job() {
    return job;
  }

  /** {@code pushgateway.interval}: time between pushes, default 15 seconds, always above zero. */
  public Duration interval() {
    return interval;
  }

  /** {@code pushgateway.grouping_key}: further labels of the pushed group, in file order; empty by default. */
  public Map<String, String> groupingKey() {
    return groupingKey;
  }

  /** {@code pushgateway.delete_on_shutdown}, default false: keep a batch job's final values in the Pushgateway when the JVM exits (one last push); true deletes the group instead. */
  public boolean deleteOnShutdown() {
    return deleteOnShutdown;
  }

  @Override
  public String toString() {
    return "pushgateway{enabled=" + enabled + ", address=" + address + ", scheme=" + scheme + ", job=" + job
        + ", interval=" + interval + ", grouping_key=" + groupingKey + ", delete_on_shutdown=" + deleteOnShutdown + "}";
  }
}
