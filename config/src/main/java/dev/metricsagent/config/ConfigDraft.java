package dev.metricsagent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration while it is being read: starts at the defaults, takes the YAML file, then
 * the overrides, and is frozen by {@link #build()}. The defaults of every setting live here.
 */
final class ConfigDraft {

  static final String DEFAULTS_SOURCE = "defaults";

  static final double[] DEFAULT_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10};

  String source;
  boolean failFast = false;
  int cardinalityLimit = 1000;

  boolean serverEnabled = true;
  String serverHost = "0.0.0.0";
  int serverPort = 9464;
  String serverPath = "/metrics";

  boolean jvmMetrics = true;
  boolean classCacheEnabled = true;
  Path classCacheDirectory = null;

  double[] buckets = DEFAULT_BUCKETS.clone();
  boolean nativeHistograms = false;
  final Map<String, HistogramConfig.FamilyOverride> histogramsPerMetric = new LinkedHashMap<>();

  boolean servletEnabled = true;
  boolean jdbcEnabled = true;
  boolean httpClientEnabled = true;
  boolean messagingEnabled = true;
  final List<PeerConfig> peers = new ArrayList<>();

  final List<RuleConfig> rules = new ArrayList<>();

  boolean pushgatewayEnabled = false;
  String pushgatewayAddress = "localhost:9091";
  String pushgatewayScheme = "http";
  String pushgatewayJob = "metrics-agent";
  Duration pushgatewayInterval = Duration.ofSeconds(15);
  final Map<String, String> pushgatewayGroupingKey = new LinkedHashMap<>();
  boolean pushgatewayDeleteOnShutdown = false;

  ConfigDraft(String source) {
    this.source = source;
  }

  AgentConfig build() {
    return new AgentConfig(
        source,
        failFast,
        cardinalityLimit,
        new ServerConfig(serverEnabled, serverHost, serverPort, serverPath),
        jvmMetrics,
        new ClassCacheConfig(classCacheEnabled, classCacheDirectory),
        new HistogramConfig(buckets, nativeHistograms, histogramsPerMetric),
        new InstrumentationConfig(
            new FamilyConfig(servletEnabled),
            new FamilyConfig(jdbcEnabled),
            new HttpClientConfig(httpClientEnabled, peers),
            new FamilyConfig(messagingEnabled)),
        rules,
        new PushgatewayConfig(pushgatewayEnabled, pushgatewayAddress, pushgatewayScheme, pushgatewayJob,
            pushgatewayInterval, pushgatewayGroupingKey, pushgatewayDeleteOnShutdown));
  }
}
