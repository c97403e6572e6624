package dev.metricsagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorReportingTest {

  @TempDir
  Path directory;

  private ConfigFiles files;

  @BeforeEach
  void setUp() {
    files = new ConfigFiles(directory);
  }

  @Test
  void anUnknownKeySuggestsTheClosestOneAndListsTheValidKeysOfItsMapping() {
    assertEquals(List.of("agent.yaml:3:3: server.prot: unknown key 'prot'; did you mean 'port'? Valid keys here:"
        + " enabled, host, port, path"), files.problems("""
        server:
          host: 0.0.0.0
          prot: 9100
        """));
  }

  @Test
  void anUnknownKeyWithNothingCloseOnlyListsTheValidKeys() {
    assertEquals(List.of("agent.yaml:1:1: tracing: unknown key 'tracing'; Valid keys here: fail_fast,"
        + " cardinality_limit, server, jvm_metrics, class_cache, histograms, instrumentation, rules, pushgateway"),
        files.problems("tracing: true\n"));
  }

  @Test
  void aKeyThatIsThePrefixOfAValidOneIsSuggested() {
    assertEquals(List.of("agent.yaml:1:1: cardinality: unknown key 'cardinality'; did you mean 'cardinality_limit'?"
        + " Valid keys here: fail_fast, cardinality_limit, server, jvm_metrics, class_cache, histograms, instrumentation,"
        + " rules, pushgateway"), files.problems("cardinality: 10\n"));
  }

  @Test
  void unknownKeysAreFoundAtEveryLevel() {
    List<String> problems = files.problems("""
        histograms:
          bucket: [1]
          metrics:
            http_server_request_duration_seconds: {nativ: true}
        instrumentation:
          jdbcc: {enabled: false}
          servlet: {enable: false}
          http_client:
            peer: []
            peers:
              - name: github
                host: [api.github.com]
                hosts: [api.github.com]
                rate_limit: {remaining: X-Left}
        rules:
          - metric: calls
            class: com.example.Foo
            metod: get
            exclude: {class: [com.example.Bar]}
            methods: [{name: get, params: [int]}]
        pushgateway:
          adress: localhost:9091
        """);

    assertEquals(List.of(
        "agent.yaml:2:3: histograms.bucket: unknown key 'bucket'; did you mean 'buckets'? Valid keys here: buckets,"
            + " native, metrics",
        "agent.yaml:4:44: histograms.metrics.http_server_request_duration_seconds.nativ: unknown key 'nativ'; did you"
            + " mean 'native'? Valid keys here: buckets, native",
        "agent.yaml:6:3: instrumentation.jdbcc: unknown key 'jdbcc'; did you mean 'jdbc'? Valid keys here: servlet,"
            + " jdbc, http_client, messaging",
        "agent.yaml:7:13: instrumentation.servlet.enable: unknown key 'enable'; did you mean 'enabled'? Valid keys"
            + " here: enabled",
        "agent.yaml:9:5: instrumentation.http_client.peer: unknown key 'peer'; did you mean 'peers'? Valid keys here:"
            + " enabled, peers",
        "agent.yaml:12:9: instrumentation.http_client.peers[0].host: unknown key 'host'; did you mean 'hosts'? Valid"
            + " keys here: name, hosts, url_templates, rate_limit",
        "agent.yaml:14:21: instrumentation.http_client.peers[0].rate_limit: missing required key 'remaining_header'"
            + " (such as X-RateLimit-Remaining)",
        "agent.yaml:14:22: instrumentation.http_client.peers[0].rate_limit.remaining: unknown key 'remaining'; did you"
            + " mean 'remaining_header'? Valid keys here: remaining_header, limit_header",
        "agent.yaml:18:5: rules[0].metod: unknown key 'metod'; did you mean 'methods'? Valid keys here: metric, type,"
            + " help, select, class, extends, implements, annotation, methods, visibility, static, constructors,"
            + " exclude, labels, code_labels, allow_unscoped",
        "agent.yaml:19:15: rules[0].exclude.class: unknown key 'class'; did you mean 'classes'? Valid keys here:"
            + " classes, methods",
        "agent.yaml:20:27: rules[0].methods[0].params: unknown key 'params'; did you mean 'parameters'? Valid keys"
            + " here: name, parameters",
        "agent.yaml:22:3: pushgateway.adress: unknown key 'adress'; did you mean 'address'? Valid keys here: enabled,"
            + " address, scheme, job, interval, grouping_key, delete_on_shutdown"), problems);
  }

  @Test
  void wrongTypesSayWhatWasExpectedAndWhatWasFound() {
    List<String> problems = files.problems("""
        fail_fast: yes please
        cardinality_limit: 0
        server:
          enabled: "true"
          port: 70000
          host: http://0.0.0.0
          path: metrics
        jvm_metrics: [true]
        histograms:
          buckets: 0.5
        pushgateway:
          address: localhost
          interval: 0s
          job: ""
          scheme: ftp
        """);

    assertEquals(List.of(
        "agent.yaml:1:12: fail_fast: expected true or false, got 'yes please'",
        "agent.yaml:2:20: cardinality_limit: expected an integer from 1 to 1000000, got '0'",
        "agent.yaml:4:12: server.enabled: expected true or false, got 'true'; remove the quotes, which make it text"
            + " instead of a boolean",
        "agent.yaml:5:9: server.port: expected an integer from 0 to 65535, got '70000'",
        "agent.yaml:6:9: server.host: expected a host name or IP address to listen on, such as 0.0.0.0 or 127.0.0.1,"
            + " got 'http://0.0.0.0'; leave out the scheme",
        "agent.yaml:7:9: server.path: expected a path starting with '/', such as /metrics, got 'metrics'; write"
            + " '/metrics'",
        "agent.yaml:8:14: jvm_metrics: expected true or false, got a list",
        "agent.yaml:10:12: histograms.buckets: expected a list of bucket upper bounds in seconds, such as [0.1, 0.5,"
            + " 1, 5], got '0.5'",
        "agent.yaml:12:12: pushgateway.address: expected host:port such as localhost:9091, got 'localhost'; add the"
            + " port, such as 'localhost:9091'",
        "agent.yaml:13:13: pushgateway.interval: expected a duration above zero such as 500ms, 15s, 1m or 2h, got"
            + " '0s'",
        "agent.yaml:14:8: pushgateway.job: expected a job name such as metrics-agent, got ''",
        "agent.yaml:15:11: pushgateway.scheme: expected http or https, got 'ftp'; did you mean 'http'?"), problems);
  }

  @Test
  void aQuotedNumberIsTextAndSaysSo() {
    assertEquals(List.of("agent.yaml:1:16: server.port: expected an integer from 0 to 65535, got '9100'; remove the"
        + " quotes, which make it text instead of a number"), files.problems("server: {port: \"9100\"}\n"));
  }

  @Test
  void aFractionIsNotAPort() {
    assertEquals(List.of("agent.yaml:1:16: server.port: expected an integer from 0 to 65535, got '9100.5'"),
        files.problems("server: {port: 9100.5}\n"));
  }

  @Test
  void nullIsNotAValue() {
    assertEquals(List.of(
        "agent.yaml:1:12: fail_fast: expected true or false, got null",
        "agent.yaml:2:8: server: expected a mapping with the keys enabled, host, port, path, got null; leave the key"
            + " out to keep the defaults",
        "agent.yaml:3:7: rules: expected a list of rules, each a mapping starting with metric:, got null; write [] for"
            + " none, or leave the key out"), files.problems("fail_fast: ~\nserver:\nrules:\n"));
  }

  @Test
  void aSectionThatIsNotAMappingIsReportedAsSuch() {
    assertEquals(List.of("agent.yaml:1:9: server: expected a mapping with the keys enabled, host, port, path, got"
        + " '9464'"), files.problems("server: 9464\n"));
  }

  @Test
  void theTopLevelMustBeAMapping() {
    assertEquals(List.of("agent.yaml:1:1: expected a mapping of settings such as server: or rules: at the top level,"
        + " got a list"), files.problems("- server\n- rules\n"));
  }

  @Test
  void bucketsMustBePositiveFiniteAndStrictlyIncreasing() {
    assertEquals(List.of(
        "agent.yaml:1:29: histograms.buckets[1]: buckets must be strictly increasing, but '0.05' follows '0.1'",
        "agent.yaml:1:35: histograms.buckets[2]: expected a finite number of seconds, got '.inf'; Prometheus adds the"
            + " +Inf bucket itself",
        "agent.yaml:1:41: histograms.buckets[3]: expected a number of seconds above zero, got '-1'",
        "agent.yaml:1:45: histograms.buckets[4]: expected a number of seconds, got 'one'"),
        files.problems("histograms: {buckets: [0.1, 0.05, .inf, -1, one]}\n"));
  }

  @Test
  void bucketsMustNotBeEmpty() {
    assertEquals(List.of("agent.yaml:1:23: histograms.buckets: expected a list of bucket upper bounds in seconds,"
        + " such as [0.1, 0.5, 1, 5], got an empty list"), files.problems("histograms: {buckets: []}\n"));
  }

  @Test
  void histogramOverridesMustNameADurationMetric() {
    assertEquals(List.of(
        "agent.yaml:3:5: histograms.metrics.http_server_request_duration: metric 'http_server_request_duration' would"
            + " never match: every histogram the agent records is a duration whose name ends in '_seconds' (a timer"
            + " rule's metric x becomes x_seconds); write 'http_server_request_duration_seconds'",
        "agent.yaml:4:5: histograms.metrics.db-latency_seconds: expected a metric name of letters, digits, '_' and"
            + " ':', not starting with a digit, got 'db-latency_seconds'; did you mean 'db_latency_seconds'?"),
        files.problems("""
            histograms:
              metrics:
                http_server_request_duration: {native: true}
                db-latency_seconds: {native: true}
            """));
  }

  @Test
  void aDuplicateKeyIsAnErrorAtItsSecondOccurrence() {
    assertEquals(List.of("agent.yaml:3:3: server.port: duplicate key 'port' (first given at line 2, column 3); give"
        + " each key once"), files.problems("""
        server:
          port: 9100
          port: 9200
        """));
  }

  @Test
  void aYamlSyntaxErrorGivesLineColumnAndACause() {
    assertEquals(List.of("agent.yaml:3:2: invalid YAML: expected <block end>, but found '<block mapping start>'"
        + " (while parsing a block mapping that started at line 1, column 1); check the indentation: this line"
        + " does not line up with the keys above it"), files.problems("""
        server:
          port: 9100
         host: 0.0.0.0
        """));
  }

  @Test
  void aTabInTheIndentationIsExplained() {
    assertEquals(List.of("agent.yaml:2:1: invalid YAML: a tab character where YAML expects spaces; YAML indents with"
        + " spaces only (while scanning for the next token)"), files.problems("server:\n\tport: 9100\n"));
  }

  @Test
  void anUnquotedWildcardHostIsExplained() {
    assertEquals(List.of("agent.yaml:1:10: invalid YAML: unexpected character found .(46) (while scanning an alias"
        + " that started at line 1, column 9); '*' starts an alias in YAML; quote values that start with '*', such"
        + " as \"*.github.com\""), files.problems("hosts: [*.github.com]\n"));
  }

  @Test
  void aColonInAnUnquotedValueIsExplained() {
    assertEquals(List.of("agent.yaml:2:10: invalid YAML: mapping values are not allowed here; a value that contains"
        + " ': ' needs quotes, or the indentation is off"), files.problems("server:\n  host: a: b\n"));
  }

  @Test
  void aSecondYamlDocumentIsRefused() {
    assertEquals(List.of("agent.yaml:2:1: invalid YAML: but found another document (expected a single document in"
        + " the stream that started at line 1, column 1); the file holds more than one YAML document ('---' between"
        + " them); the agent reads one"), files.problems("fail_fast: true\n---\nfail_fast: false\n"));
  }

  @Test
  void aMissingFileGivenToLoadFileIsNamed() {
    Path missing = directory.resolve("nope.yaml").toAbsolutePath();

    ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.loadFile(missing));

    assertEquals(List.of(missing + ": cannot read the configuration file: it does not exist"),
        error.problems().stream().map(ConfigProblem::toString).toList());
  }

  @Test
  void everyProblemIsFoundInOnePassInFileOrder() {
    List<String> problems = files.problems("""
        server:
          port: -1
        jvm_metrics: maybe
        pushgateway:
          job: ""
        """);

    assertEquals(3, problems.size());
    assertTrue(problems.get(0).startsWith("agent.yaml:2:9: server.port:"));
    assertTrue(problems.get(1).startsWith("agent.yaml:3:14: jvm_metrics:"));
    assertTrue(problems.get(2).startsWith("agent.yaml:5:8: pushgateway.job:"));
  }

  @Test
  void aProblemHasItsPartsSeparately() {
    Path file = files.write("server: {port: x}\n");
    ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.loadFile(file));
    ConfigProblem problem = error.problems().get(0);

    assertEquals(file + ":1:16", problem.location());
    assertEquals("server.port", problem.keyPath());
    assertEquals("expected an integer from 0 to 65535, got 'x'", problem.message());
    assertEquals(file + ":1:16: server.port: expected an integer from 0 to 65535, got 'x'", problem.toString());
  }

  @Test
  void renderShowsWhatHappensEveryProblemAndHowToFixIt() {
    Path file = files.write("server:\n  prot: 9100\n");

    ConfigException error = assertThrows(ConfigException.class,
        () -> ConfigLoader.load("config=" + file + ",port=abc", null, null));

    assertEquals("metrics-agent: invalid configuration; the application runs without metrics-agent.\n"
        + "  " + file + ":2:3: server.prot: unknown key 'prot'; did you mean 'port'? Valid keys here: enabled, host,"
        + " port, path\n"
        + "  agent argument 'port': server.port: expected an integer from 0 to 65535, got 'abc'\n"
        + "  Fix the settings above (reference: docs/configuration.md). Set fail_fast: true to stop the JVM on"
        + " configuration errors instead.", error.render());
    assertFalse(error.failFast());
    assertEquals(error.render(), error.getMessage());
  }

  @Test
  void renderWithFailFastSaysTheJvmExits() {
    Path file = files.write("fail_fast: true\nserver:\n  prot: 9100\n");

    ConfigException error = assertThrows(ConfigException.class,
        () -> ConfigLoader.load("config=" + file, null, null));

    assertTrue(error.failFast());
    assertEquals("metrics-agent: invalid configuration; fail_fast is set, so the JVM exits.\n"
        + "  " + file + ":3:3: server.prot: unknown key 'prot'; did you mean 'port'? Valid keys here: enabled, host,"
        + " port, path\n"
        + "  Fix the settings above (reference: docs/configuration.md).", error.render());
  }

  @Test
  void failFastFromAnOverrideCountsEvenWhenTheFileIsBroken() {
    Path file = files.write("server: {port: x}\n");

    ConfigException error = assertThrows(ConfigException.class,
        () -> ConfigLoader.load("config=" + file, Map.of("metrics.agent.fail_fast", "true"), null));

    assertTrue(error.failFast());
  }

  @Test
  void anOverrideCanTurnFailFastOffAgain() {
    Path file = files.write("fail_fast: true\nserver: {port: x}\n");

    ConfigException error = assertThrows(ConfigException.class,
        () -> ConfigLoader.load("config=" + file + ",fail_fast=false", null, null));

    assertFalse(error.failFast());
  }

  @Test
  void anUnreadableFailFastCountsAsFalse() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> ConfigLoader.loadFile(files.write("fail_fast: sure\n")));

    assertFalse(error.failFast());
  }

  @Test
  void longOrControlCharacterValuesAreShownShortenedAndVisible() {
    String longValue = "x".repeat(100);

    List<String> problems = files.problems("server: {port: " + longValue + "}\npushgateway: {job: \"a\\tb\", interval: \"1\\n\"}\n");

    assertEquals("agent.yaml:1:16: server.port: expected an integer from 0 to 65535, got '" + "x".repeat(80) + "...'",
        problems.get(0));
    assertEquals("agent.yaml:2:38: pushgateway.interval: expected a duration above zero such as 500ms, 15s, 1m or"
        + " 2h, got '1\\n'", problems.get(1));
  }
}
