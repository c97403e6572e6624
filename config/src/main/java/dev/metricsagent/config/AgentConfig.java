package dev.metricsagent.config;

import java.util.List;

/**
 * The agent's complete, validated configuration. Immutable; built by {@link ConfigLoader} from
 * agent arguments, system properties, environment, the YAML file and defaults.
 */
public final class AgentConfig {

  private final String source;
  private final boolean failFast;
  private final int cardinalityLimit;
  private final ServerConfig server;
  private final boolean jvmMetrics;
  private final ClassCacheConfig classCache;
  private final HistogramConfig histograms;
  private final InstrumentationConfig instrumentation;
  private final List<RuleConfig> rules;
  private final PushgatewayConfig pushgateway;

  AgentConfig(String source, boolean failFast, int cardinalityLimit, ServerConfig server, boolean jvmMetrics,
      ClassCacheConfig classCache, HistogramConfig histograms, InstrumentationConfig instrumentation, List<RuleConfig> rules,
      PushgatewayConfig pushgateway) {
    this.source = source;
    this.failFast = failFast;
    this.cardinalityLimit = cardinalityLimit;
    this.server = server;
    this.jvmMetrics = jvmMetrics;
    this.classCache = classCache;
    this.histograms = histograms;
    this.instrumentation = instrumentation;
    this.rules = List.copyOf(rules);
    this.pushgateway = pushgateway;
  }

  /** Every setting at its default, as with no YAML file and no overrides. */
  public static AgentConfig defaults() {
    return new ConfigDraft(ConfigDraft.DEFAULTS_SOURCE).build();
  }

  /** The absolute path of the YAML file read, or {@code defaults} when there was none. */
  public String source() {
    return source;
  }

  /** {@code fail_fast}, default false: on configuration errors, exit the JVM instead of running without the agent. */
  public boolean failFast() {
    return failFast;
  }

  /** {@code cardinality_limit}, default 1000: the most label-value combinations one metric may have. */
  public int cardinalityLimit() {
    return cardinalityLimit;
  }

  /** {@code server}: where Prometheus scrapes. */
  public ServerConfig server() {
    return server;
  }

  /** {@code jvm_metrics}, default true: the JVM and process metrics. */
  public boolean jvmMetrics() {
    return jvmMetrics;
  }

  /** {@code class_cache}: where rewritten classes are kept between starts. */
  public ClassCacheConfig classCache() {
    return classCache;
  }

  /** {@code histograms}: buckets and native histograms. */
  public HistogramConfig histograms() {
    return histograms;
  }

  /** {@code instrumentation}: which library families are instrumented, and HTTP peers. */
  public InstrumentationConfig instrumentation() {
    return instrumentation;
  }

  /** {@code rules}: the method rules, in file order; empty by default. */
  public List<RuleConfig> rules() {
    return rules;
  }

  /** {@code pushgateway}: pushing to a Prometheus Pushgateway, off by default. */
  public PushgatewayConfig pushgateway() {
    return pushgateway;
  }

  @Override
  public String toString() {
    return "AgentConfig{source=" + source + ", fail_fast=" + failFast + ", cardinality_limit=" + cardinalityLimit
        + ", " + server + ", jvm_metrics=" + jvmMetrics
        + ", " + classCache + ", " + histograms + ", " + instrumentation
        + ", rules=" + rules + ", " + pushgateway + "}";
  }
}
