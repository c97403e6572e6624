package dev.metricsagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverridesTest {

  @TempDir
  Path directory;

  private ConfigFiles files;

  @BeforeEach
  void setUp() {
    files = new ConfigFiles(directory);
  }

  @Test
  void agentArgumentsSetKeysByTheirDottedPath() throws ConfigException {
    AgentConfig config = ConfigLoader.load(
        "server.port=9100,server.host=127.0.0.1,jvm_metrics=false,instrumentation.jdbc.enabled=false", null, null);

    assertEquals(9100, config.server().port());
    assertEquals("127.0.0.1", config.server().host());
    assertFalse(config.jvmMetrics());
    assertFalse(config.instrumentation().jdbc().enabled());
  }

  @Test
  void portHostAndPathAreShortForTheServerSettings() throws ConfigException {
    AgentConfig config = ConfigLoader.load("port=9100,host=localhost,path=/m", null, null);

    assertEquals(9100, config.server().port());
    assertEquals("localhost", config.server().host());
    assertEquals("/m", config.server().path());
  }

  @Test
  void whitespaceAroundAgentArgumentKeysAndValuesIsIgnored() throws ConfigException {
    AgentConfig config = ConfigLoader.load(" port = 9100 , fail_fast = true ,", null, null);

    assertEquals(9100, config.server().port());
    assertTrue(config.failFast());
  }

  @Test
  void everyScalarSettingCanBeOverridden() throws ConfigException {
    AgentConfig config = ConfigLoader.load(null, Map.ofEntries(
        Map.entry("metrics.agent.fail_fast", "true"),
        Map.entry("metrics.agent.cardinality_limit", "50"),
        Map.entry("metrics.agent.server.enabled", "false"),
        Map.entry("metrics.agent.server.host", "::"),
        Map.entry("metrics.agent.server.port", "0"),
        Map.entry("metrics.agent.server.path", "/scrape"),
        Map.entry("metrics.agent.jvm_metrics", "FALSE"),
        Map.entry("metrics.agent.histograms.native", "True"),
        Map.entry("metrics.agent.instrumentation.servlet.enabled", "false"),
        Map.entry("metrics.agent.instrumentation.jdbc.enabled", "false"),
        Map.entry("metrics.agent.instrumentation.http_client.enabled", "false"),
        Map.entry("metrics.agent.instrumentation.messaging.enabled", "false"),
        Map.entry("metrics.agent.pushgateway.enabled", "true"),
        Map.entry("metrics.agent.pushgateway.address", "pgw:9091"),
        Map.entry("metrics.agent.pushgateway.scheme", "https"),
        Map.entry("metrics.agent.pushgateway.job", "batch"),
        Map.entry("metrics.agent.pushgateway.interval", "1m"),
        Map.entry("metrics.agent.pushgateway.delete_on_shutdown", "true")), null);

    assertTrue(config.failFast());
    assertEquals(50, config.cardinalityLimit());
    assertFalse(config.server().enabled());
    assertEquals("::", config.server().host());
    assertEquals(0, config.server().port());
    assertEquals("/scrape", config.server().path());
    assertFalse(config.jvmMetrics());
    assertTrue(config.histograms().nativeHistograms());
    for (String family : InstrumentationConfig.families()) {
      assertFalse(config.instrumentation().isEnabled(family), family);
    }
    assertTrue(config.pushgateway().enabled());
    assertEquals("pgw:9091", config.pushgateway().address());
    assertEquals("https", config.pushgateway().scheme());
    assertEquals("batch", config.pushgateway().job());
    assertEquals(Duration.ofMinutes(1), config.pushgateway().interval());
    assertTrue(config.pushgateway().deleteOnShutdown());
  }

  @Test
  void environmentNamesAreTheKeysInUpperCaseWithDotsAsUnderscores() throws ConfigException {
    AgentConfig config = ConfigLoader.load(null, null, Map.of(
        "METRICS_AGENT_JVM_METRICS", "false",
        "METRICS_AGENT_SERVER_PORT", "9100",
        "METRICS_AGENT_INSTRUMENTATION_HTTP_CLIENT_ENABLED", "false",
        "METRICS_AGENT_PUSHGATEWAY_DELETE_ON_SHUTDOWN", "true",
        "METRICS_AGENT_HOST", "127.0.0.1"));

    assertFalse(config.jvmMetrics());
    assertEquals(9100, config.server().port());
    assertFalse(config.instrumentation().httpClient().enabled());
    assertTrue(config.pushgateway().deleteOnShutdown());
    assertEquals("127.0.0.1", config.server().host());
  }

  @Test
  void unrelatedSystemPropertiesAndEnvironmentVariablesAreIgnored() throws ConfigException {
    AgentConfig config = ConfigLoader.load(null,
        Map.of("java.version", "17", "metrics.agentx", "1", "metrics.port", "1"),
        Map.of("PATH", "/usr/bin", "METRICS_AGENTPORT", "1", "metrics_agent_port", "1"));

    assertEquals(9464, config.server().port());
  }

  @Test
  void agentArgumentsBeatSystemPropertiesWhichBeatEnvironmentWhichBeatsYaml() throws ConfigException {
    Path yaml = files.write("""
        server: {port: 1001, host: yaml-host, path: /yaml}
        cardinality_limit: 11
        """);
    Map<String, String> environment = Map.of(
        "METRICS_AGENT_CONFIG", yaml.toString(),
        "METRICS_AGENT_PORT", "1002",
        "METRICS_AGENT_HOST", "env-host",
        "METRICS_AGENT_PATH", "/env");
    Map<String, String> systemProperties = Map.of(
        "metrics.agent.port", "1003",
        "metrics.agent.host", "property-host");

    AgentConfig config = ConfigLoader.load("port=1004", systemProperties, environment);

    assertEquals(1004, config.server().port());
    assertEquals("property-host", config.server().host());
    assertEquals("/env", config.server().path());
    assertEquals(11, config.cardinalityLimit());
    assertEquals(9464, ConfigLoader.load(null, null, null).server().port());
  }

  @Test
  void theConfigFileCanBeNamedBySystemProperty() throws ConfigException {
    Path yaml = files.write("server: {port: 9200}");

    AgentConfig config = ConfigLoader.load(null, Map.of("metrics.agent.config", yaml.toString()), null);

    assertEquals(9200, config.server().port());
    assertEquals(yaml.toString(), config.source());
  }

  @Test
  void theConfigFileNamedByAgentArgumentWinsOverTheEnvironmentOne() throws ConfigException {
    Path fromEnvironment = files.write("env.yaml", "server: {port: 9201}");
    Path fromArgument = files.write("arg.yaml", "server: {port: 9202}");

    AgentConfig config = ConfigLoader.load("config=" + fromArgument, null,
        Map.of("METRICS_AGENT_CONFIG", fromEnvironment.toString()));

    assertEquals(9202, config.server().port());
  }

  @Test
  void aRelativeConfigPathIsResolvedAgainstTheWorkingDirectory() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> ConfigLoader.load("config=conf/agent.yaml", null, null));

    String absolute = Paths.get("conf/agent.yaml").toAbsolutePath().toString();
    assertEquals(List.of("agent argument 'config': config: cannot read the configuration file " + absolute
        + ": it does not exist"), strings(error));
  }

  @Test
  void aMissingConfigFileIsNamedWithWhereTheSettingCameFrom() {
    Path missing = directory.resolve("missing.yaml").toAbsolutePath();

    ConfigException error = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(null, null, Map.of("METRICS_AGENT_CONFIG", missing.toString())));

    assertEquals(List.of("environment METRICS_AGENT_CONFIG: config: cannot read the configuration file " + missing
        + ": it does not exist"), strings(error));
  }

  @Test
  void aDirectoryAsConfigFileIsRefused() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(null, Map.of("metrics.agent.config", directory.toString()), null));

    assertEquals(List.of("system property metrics.agent.config: config: cannot read the configuration file "
        + directory.toAbsolutePath() + ": it is a directory"), strings(error));
  }

  @Test
  void anEmptyConfigValueIsRefused() {
    ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.load("config=", null, null));

    assertEquals(List.of("agent argument 'config': config: expected a file path, got ''"), strings(error));
  }

  @Test
  void overrideValuesAreCheckedWithTheSameMessagesAsYaml() {
    ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.load(
        "port=abc,fail_fast=yes please,pushgateway.interval=15,pushgateway.scheme=htps",
        Map.of("metrics.agent.cardinality_limit", "0"),
        Map.of("METRICS_AGENT_SERVER_PATH", "metrics")));

    assertEquals(List.of(
        "agent argument 'port': server.port: expected an integer from 0 to 65535, got 'abc'",
        "agent argument 'fail_fast': fail_fast: expected true or false, got 'yes please'",
        "agent argument 'pushgateway.interval': pushgateway.interval: expected a duration above zero such as 500ms,"
            + " 15s, 1m or 2h, got '15'; add a unit, such as '15s'",
        "agent argument 'pushgateway.scheme': pushgateway.scheme: expected http or https, got 'htps'; did you mean"
            + " 'https'?",
        "system property metrics.agent.cardinality_limit: cardinality_limit: expected an integer from 1 to 1000000,"
            + " got '0'",
        "environment METRICS_AGENT_SERVER_PATH: server.path: expected a path starting with '/', such as /metrics,"
            + " got 'metrics'; write '/metrics'"), strings(error));
  }

  @Test
  void overridesAcceptOnlyTrueOrFalseAsBooleans() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> ConfigLoader.load("jvm_metrics=yes", null, null));

    assertEquals(List.of("agent argument 'jvm_metrics': jvm_metrics: expected true or false, got 'yes'"),
        strings(error));
  }

  @Test
  void aWrongValueIsReportedEvenWhenAHigherSourceOverridesIt() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> ConfigLoader.load("port=9100", null, Map.of("METRICS_AGENT_PORT", "x")));

    assertEquals(List.of("environment METRICS_AGENT_PORT: server.port: expected an integer from 0 to 65535,"
        + " got 'x'"), strings(error));
  }

  @Test
  void anUnknownAgentArgumentSuggestsTheClosestKeyAndListsAll() {
    ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.load("prot=9100", null, null));

    assertEquals(List.of("agent argument 'prot': unknown key 'prot'; did you mean 'port'? Valid keys: config, port,"
        + " host, path, fail_fast, cardinality_limit, server.enabled, server.host, server.port, server.path,"
        + " jvm_metrics, class_cache.enabled, class_cache.directory, histograms.native, instrumentation.servlet.enabled, instrumentation.jdbc.enabled,"
        + " instrumentation.http_client.enabled, instrumentation.messaging.enabled, pushgateway.enabled,"
        + " pushgateway.address, pushgateway.scheme, pushgateway.job, pushgateway.interval,"
        + " pushgateway.delete_on_shutdown"), strings(error));
  }

  @Test
  void listsAndMapsCannotBeOverridden() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> ConfigLoader.load("rules=x", null, null));

    assertTrue(strings(error).get(0).startsWith("agent argument 'rules': unknown key 'rules'; Valid keys: config,"),
        strings(error).get(0));
  }

  @Test
  void anUnknownSystemPropertySuggestsTheClosestName() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(null, Map.of("metrics.agent.server.prot", "1"), null));

    String problem = strings(error).get(0);
    assertTrue(problem.startsWith("system property metrics.agent.server.prot: unknown system property"
        + " 'metrics.agent.server.prot'; did you mean 'metrics.agent.server.port'? Valid: metrics.agent. followed"
        + " by one of config, port, host, path, fail_fast,"), problem);
  }

  @Test
  void anUnknownEnvironmentVariableSuggestsTheClosestName() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(null, null, Map.of("METRICS_AGENT_JVM_METRIC", "false")));

    String problem = strings(error).get(0);
    assertTrue(problem.startsWith("environment METRICS_AGENT_JVM_METRIC: unknown environment variable"
        + " 'METRICS_AGENT_JVM_METRIC'; did you mean 'METRICS_AGENT_JVM_METRICS'? Valid: METRICS_AGENT_ followed"
        + " by one of CONFIG, PORT, HOST, PATH, FAIL_FAST,"), problem);
  }

  @Test
  void anArgumentWithoutEqualsSignIsAnError() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> ConfigLoader.load("port=9100,verbose,=3", null, null));

    assertEquals(List.of(
        "agent argument 'verbose': expected key=value such as port=9464, got 'verbose'",
        "agent argument '=3': expected key=value such as port=9464, got '=3': the key is missing"), strings(error));
  }

  @Test
  void theSameKeyTwiceInOneSourceIsAnError() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> ConfigLoader.load("port=1,server.port=2", null, null));

    assertEquals(List.of("agent argument 'server.port': server.port: set twice, also by agent argument 'port';"
        + " set it once"), strings(error));
  }

  @Test
  void problemsAreListedFileFirstThenArgumentsThenPropertiesThenEnvironment() {
    Path yaml = files.write("server: {port: x}\n");

    ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.load(
        "config=" + yaml + ",host=",
        Map.of("metrics.agent.jvm_metrics", "no"),
        Map.of("METRICS_AGENT_FAIL_FAST", "maybe")));

    assertEquals(List.of(
        "agent.yaml:1:16: server.port: expected an integer from 0 to 65535, got 'x'",
        "agent argument 'host': server.host: expected a host name or IP address to listen on, such as 0.0.0.0 or"
            + " 127.0.0.1, got ''",
        "system property metrics.agent.jvm_metrics: jvm_metrics: expected true or false, got 'no'",
        "environment METRICS_AGENT_FAIL_FAST: fail_fast: expected true or false, got 'maybe'"), files.relative(error));
  }

  private static List<String> strings(ConfigException error) {
    return error.problems().stream().map(ConfigProblem::toString).toList();
  }
}
