package dev.metricsagent.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlSettingsTest {

  @TempDir
  Path directory;

  private ConfigFiles files;

  @BeforeEach
  void setUp() {
    files = new ConfigFiles(directory);
  }

  @Test
  void readsEveryTopLevelAndServerSetting() throws ConfigException {
    AgentConfig config = files.load("""
        fail_fast: true
        cardinality_limit: 250
        jvm_metrics: false
        server:
          enabled: false
          host: 127.0.0.1
          port: 0
          path: /prometheus
        """);

    assertTrue(config.failFast());
    assertEquals(250, config.cardinalityLimit());
    assertFalse(config.jvmMetrics());
    assertFalse(config.server().enabled());
    assertEquals("127.0.0.1", config.server().host());
    assertEquals(0, config.server().port());
    assertEquals("/prometheus", config.server().path());
  }

  @Test
  void readsDefaultBucketsNativeSwitchAndPerMetricOverrides() throws ConfigException {
    AgentConfig config = files.load("""
        histograms:
          buckets: [0.1, 1, 10]
          native: true
          metrics:
            http_server_request_duration_seconds: {buckets: [0.05, 0.5], native: false}
            db_client_operation_duration_seconds: {native: false}
            jvm_gc_pause_seconds: {buckets: [1, 2]}
        """);
    HistogramConfig histograms = config.histograms();

    assertArrayEquals(new double[] {0.1, 1, 10}, histograms.buckets());
    assertTrue(histograms.nativeHistograms());
    assertArrayEquals(new double[] {0.05, 0.5}, histograms.bucketsFor("http_server_request_duration_seconds"));
    assertFalse(histograms.nativeFor("http_server_request_duration_seconds"));
    assertArrayEquals(new double[] {0.1, 1, 10}, histograms.bucketsFor("db_client_operation_duration_seconds"));
    assertFalse(histograms.nativeFor("db_client_operation_duration_seconds"));
    assertArrayEquals(new double[] {1, 2}, histograms.bucketsFor("jvm_gc_pause_seconds"));
    assertTrue(histograms.nativeFor("jvm_gc_pause_seconds"));
    assertEquals(List.of("http_server_request_duration_seconds", "db_client_operation_duration_seconds",
        "jvm_gc_pause_seconds"), List.copyOf(histograms.configuredMetrics()));
  }

  @Test
  void readsTheSwitchOfEveryInstrumentationFamily() throws ConfigException {
    AgentConfig config = files.load("""
        instrumentation:
          servlet: {enabled: false}
          jdbc: {enabled: false}
          http_client: {enabled: false}
          messaging: {enabled: false}
        """);

    for (String family : InstrumentationConfig.families()) {
      assertFalse(config.instrumentation().isEnabled(family), family);
    }
  }

  @Test
  void readsPeersWithHostsTemplatesAndRateLimitHeaders() throws ConfigException {
    AgentConfig config = files.load("""
        instrumentation:
          http_client:
            peers:
              - name: github
                hosts: [api.github.com, "*.github.com"]
                url_templates: ["/repos/{owner}/{repo}/pulls"]
                rate_limit: {remaining_header: X-Left, limit_header: X-Max}
              - name: pagure
                hosts: pagure.io
        """);
    List<PeerConfig> peers = config.instrumentation().httpClient().peers();

    assertEquals(2, peers.size());
    PeerConfig github = peers.get(0);
    assertEquals("github", github.name());
    assertEquals("[api.github.com, *.github.com]", github.hosts().toString());
    assertEquals("/repos/{owner}/{repo}/pulls", github.urlTemplates().get(0).template());
    assertEquals("X-Left", github.rateLimit().remainingHeader());
    assertEquals("X-Max", github.rateLimit().limitHeader());
    assertEquals("[pagure.io]", peers.get(1).hosts().toString());
    assertEquals(List.of(), peers.get(1).urlTemplates());
  }

  @Test
  void readsEveryPushgatewaySettingAndKeepsTheGroupingKeyInFileOrder() throws ConfigException {
    AgentConfig config = files.load("""
        pushgateway:
          enabled: true
          address: push.example.com:9091
          scheme: https
          job: nightly-import
          interval: 500ms
          grouping_key: {stage: prod, instance: batch-1, zone: b}
          delete_on_shutdown: true
        """);
    PushgatewayConfig pushgateway = config.pushgateway();

    assertTrue(pushgateway.enabled());
    assertEquals("push.example.com:9091", pushgateway.address());
    assertEquals("https", pushgateway.scheme());
    assertEquals("nightly-import", pushgateway.job());
    assertEquals(Duration.ofMillis(500), pushgateway.interval());
    assertEquals(List.of("stage", "instance", "zone"), List.copyOf(pushgateway.groupingKey().keySet()));
    assertEquals(Map.of("stage", "prod", "instance", "batch-1", "zone", "b"), pushgateway.groupingKey());
    assertTrue(pushgateway.deleteOnShutdown());
  }

  @Test
  void durationsTakeMillisecondsSecondsMinutesAndHours() throws ConfigException {
    assertEquals(Duration.ofMillis(250), files.load("pushgateway: {interval: 250ms}").pushgateway().interval());
    assertEquals(Duration.ofSeconds(30), files.load("pushgateway: {interval: 30s}").pushgateway().interval());
    assertEquals(Duration.ofMinutes(1), files.load("pushgateway: {interval: 1m}").pushgateway().interval());
    assertEquals(Duration.ofHours(2), files.load("pushgateway: {interval: 2h}").pushgateway().interval());
  }

  @Test
  void booleansAreWhatYamlReadsAsBooleansIncludingYesAndOff() throws ConfigException {
    AgentConfig config = files.load("""
        jvm_metrics: off
        fail_fast: yes
        server: {enabled: False}
        """);

    assertFalse(config.jvmMetrics());
    assertTrue(config.failFast());
    assertFalse(config.server().enabled());
  }

  @Test
  void theSchemeIsStoredInLowerCase() throws ConfigException {
    assertEquals("https", files.load("pushgateway: {scheme: HTTPS}").pushgateway().scheme());
  }

  @Test
  void ipv6AddressesAreWrittenInBrackets() throws ConfigException {
    assertEquals("[::1]:9091", files.load("pushgateway: {address: \"[::1]:9091\"}").pushgateway().address());
  }

  @Test
  void anchorsAndAliasesWork() throws ConfigException {
    AgentConfig config = files.load("""
        histograms:
          buckets: &fast [0.001, 0.01]
          metrics:
            db_client_operation_duration_seconds: {buckets: *fast}
        """);

    assertArrayEquals(new double[] {0.001, 0.01}, config.histograms().bucketsFor("db_client_operation_duration_seconds"));
  }

  @Test
  void aByteOrderMarkAtTheStartIsIgnored() throws ConfigException {
    AgentConfig config = files.load("\uFEFFserver:\n  port: 9100\n");

    assertEquals(9100, config.server().port());
  }
}
