package dev.metricsagent.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultsTest {

  @TempDir
  Path directory;

  @Test
  void everySettingHasItsDocumentedDefault() {
    AgentConfig config = AgentConfig.defaults();

    assertEquals("defaults", config.source());
    assertFalse(config.failFast());
    assertEquals(1000, config.cardinalityLimit());
    assertTrue(config.server().enabled());
    assertEquals("0.0.0.0", config.server().host());
    assertEquals(9464, config.server().port());
    assertEquals("/metrics", config.server().path());
    assertTrue(config.jvmMetrics());
    assertArrayEquals(new double[] {0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10},
        config.histograms().buckets());
    assertFalse(config.histograms().nativeHistograms());
    assertTrue(config.instrumentation().servlet().enabled());
    assertTrue(config.instrumentation().jdbc().enabled());
    assertTrue(config.instrumentation().httpClient().enabled());
    assertTrue(config.instrumentation().messaging().enabled());
    assertEquals(List.of(), config.instrumentation().httpClient().peers());
    assertEquals(List.of(), config.rules());
    assertFalse(config.pushgateway().enabled());
    assertEquals("localhost:9091", config.pushgateway().address());
    assertEquals("http", config.pushgateway().scheme());
    assertEquals("metrics-agent", config.pushgateway().job());
    assertEquals(Duration.ofSeconds(15), config.pushgateway().interval());
    assertEquals(Map.of(), config.pushgateway().groupingKey());
    assertFalse(config.pushgateway().deleteOnShutdown());
  }

  @Test
  void loadingWithoutArgumentsPropertiesOrEnvironmentGivesTheDefaults() throws ConfigException {
    AgentConfig config = ConfigLoader.load(null, null, null);

    assertEquals("defaults", config.source());
    assertEquals(9464, config.server().port());
  }

  @Test
  void anEmptyFileMeansAllDefaultsAndIsNamedAsTheSource() throws ConfigException {
    Path file = new ConfigFiles(directory).write("");

    AgentConfig config = ConfigLoader.loadFile(file);

    assertEquals(file.toString(), config.source());
    assertEquals(9464, config.server().port());
    assertEquals(List.of(), config.rules());
  }

  @Test
  void aFileOfCommentsOnlyMeansAllDefaults() throws ConfigException {
    AgentConfig config = new ConfigFiles(directory).load("# nothing configured yet\n");

    assertEquals(1000, config.cardinalityLimit());
  }

  @Test
  void aMissingSectionKeepsItsDefaultsWhileItsNeighbourChanges() throws ConfigException {
    AgentConfig config = new ConfigFiles(directory).load("server:\n  port: 9100\n");

    assertEquals(9100, config.server().port());
    assertEquals("0.0.0.0", config.server().host());
    assertFalse(config.pushgateway().enabled());
  }

  @Test
  void everyFamilyIsEnabledByDefaultAndNamedInOrder() {
    InstrumentationConfig instrumentation = AgentConfig.defaults().instrumentation();

    assertEquals(List.of("servlet", "jdbc", "http_client", "messaging"), InstrumentationConfig.families());
    for (String family : InstrumentationConfig.families()) {
      assertTrue(instrumentation.isEnabled(family), family);
    }
  }

  @Test
  void anUnknownFamilyNameIsAProgrammingError() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> AgentConfig.defaults().instrumentation().isEnabled("grpc"));

    assertEquals("unknown instrumentation family 'grpc'; known: [servlet, jdbc, http_client, messaging]",
        error.getMessage());
  }

  @Test
  void bucketsForAMetricWithoutItsOwnAreTheDefaultBuckets() {
    HistogramConfig histograms = AgentConfig.defaults().histograms();

    assertArrayEquals(histograms.buckets(), histograms.bucketsFor("http_server_request_duration_seconds"));
    assertFalse(histograms.nativeFor("http_server_request_duration_seconds"));
  }

  @Test
  void bucketArraysHandedOutAreCopies() {
    HistogramConfig histograms = AgentConfig.defaults().histograms();

    histograms.buckets()[0] = 42;

    assertEquals(0.005, histograms.buckets()[0]);
  }

  @Test
  void listsAndMapsCannotBeChanged() {
    AgentConfig config = AgentConfig.defaults();

    assertThrows(UnsupportedOperationException.class, () -> config.rules().add(null));
    assertThrows(UnsupportedOperationException.class, () -> config.pushgateway().groupingKey().put("a", "b"));
    assertThrows(UnsupportedOperationException.class,
        () -> config.instrumentation().httpClient().peers().add(null));
  }

  @Test
  void aPeerlessConfigurationHasNoPeerForAnyHost() {
    assertNull(AgentConfig.defaults().instrumentation().httpClient().peerFor("api.github.com", 443));
  }
}
