package dev.metricsagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleValidationTest {

  @TempDir
  Path directory;

  private ConfigFiles files;

  @BeforeEach
  void setUp() {
    files = new ConfigFiles(directory);
  }

  /** The problems of a single rule given as a flow mapping on line 2. */
  private List<String> problemsOfRule(String rule) {
    return files.problems("rules:\n  - " + rule + "\n");
  }

  @Test
  void aTimerHasAtMostSixLabelsCountingCodeLabelsAndErrorType() {
    assertEquals(List.of("agent.yaml:2:51: rules[0].labels: a rule's metric can have at most 6 labels, and this"
        + " one would have 7 (4 here, code_namespace and code_function, error_type); remove labels or set"
        + " code_labels: false"),
        problemsOfRule("{metric: calls, class: com.example.A, labels: {a: x, b: y, c: z, d: w}}"));
  }

  @Test
  void labelsReadAtMostThreeDifferentArguments() {
    assertEquals(List.of("agent.yaml:2:71: rules[0].labels: labels can read at most 3 different arguments"
        + " ({argN}), this rule reads 4"),
        problemsOfRule("{metric: calls, class: com.example.A, code_labels: false, labels: {a: '{arg0}',"
            + " b: '{arg1}', c: '{arg2}', d: '{arg3}'}}"));
  }

  @Test
  void aMetricNameMustFollowPrometheusNaming() {
    assertEquals(List.of("agent.yaml:2:14: rules[0].metric: expected a metric name of letters, digits, '_' and ':',"
        + " not starting with a digit, got 'github-calls'; did you mean 'github_calls'?"),
        problemsOfRule("{metric: github-calls, class: com.example.A}"));
  }

  @Test
  void aMetricNameMustNotStartWithADigit() {
    assertEquals(List.of("agent.yaml:2:14: rules[0].metric: expected a metric name of letters, digits, '_' and ':',"
        + " not starting with a digit, got '2fa_checks'; did you mean '_2fa_checks'?"),
        problemsOfRule("{metric: 2fa_checks, class: com.example.A}"));
  }

  @Test
  void aMetricNameMustNotEndInTheSuffixTheAgentAppends() {
    assertEquals(List.of("agent.yaml:2:14: rules[0].metric: metric 'github_calls_total' must not end in '_total': the"
        + " agent appends '_seconds' to timers and '_total' to counters itself; write 'github_calls'"),
        problemsOfRule("{metric: github_calls_total, class: com.example.A}"));
    assertEquals(List.of("agent.yaml:2:14: rules[0].metric: metric 'github_calls_seconds' must not end in '_seconds':"
        + " the agent appends '_seconds' to timers and '_total' to counters itself; write 'github_calls'"),
        problemsOfRule("{metric: github_calls_seconds, class: com.example.A}"));
  }

  @Test
  void aMetricNameMustNotEndInASuffixPrometheusDerives() {
    for (String suffix : List.of("_count", "_sum", "_bucket", "_created", "_info")) {
      assertEquals(List.of("agent.yaml:2:14: rules[0].metric: metric 'calls" + suffix + "' must not end in '" + suffix
          + "', which Prometheus reserves for the series it derives (_count, _sum, _bucket, _created) and for info"
          + " metrics (_info); choose another name"),
          problemsOfRule("{metric: calls" + suffix + ", class: com.example.A}"));
    }
  }

  @Test
  void aMetricNameMustNotUseAPrefixOfTheBuiltInMetrics() {
    for (String prefix : List.of("metrics_agent_", "http_", "db_", "messaging_", "jvm_", "process_")) {
      assertEquals(List.of("agent.yaml:2:14: rules[0].metric: metric '" + prefix + "calls' starts with '" + prefix
          + "', which is reserved for the agent's built-in metrics (metrics_agent_, http_, db_, messaging_, jvm_,"
          + " process_); choose another prefix, such as your application's name"),
          problemsOfRule("{metric: " + prefix + "calls, class: com.example.A}"));
    }
  }

  @Test
  void aMetricIsRequired() {
    assertEquals(List.of("agent.yaml:2:5: rules[0]: missing required key 'metric' (the metric name, such as"
        + " github_client_calls)"), problemsOfRule("{class: com.example.A}"));
  }

  @Test
  void aRuleMustSelectSomething() {
    assertEquals(List.of("agent.yaml:2:5: rules[0]: the rule selects nothing: give at least one of select, class,"
        + " extends, implements or annotation"), problemsOfRule("{metric: calls, visibility: any}"));
  }

  @Test
  void methodsNeedClassCriteriaToApplyTo() {
    assertEquals(List.of("agent.yaml:2:44: rules[0].methods: methods: needs classes to apply to: add class:,"
        + " extends:, implements: or annotation: (select: entries name their methods after '#')"),
        problemsOfRule("{metric: calls, select: com.example.A, methods: [get*]}"));
  }

  @Test
  void aRuleWithoutPackageIsRefusedWithTheReasonAndTheWayOut() {
    assertEquals(List.of("agent.yaml:2:5: rules[0]: rule for metric 'runs' is not restricted to a package: it"
        + " selects by implements alone, without a class: pattern. The agent would have to inspect every class the"
        + " application loads, which slows startup. Add a package constraint such as class: com.yourcompany..* or"
        + " set allow_unscoped: true"), problemsOfRule("{metric: runs, implements: java.lang.Runnable}"));
  }

  @Test
  void aClassPatternWithoutPackageMakesARuleUnscoped() {
    assertEquals(List.of("agent.yaml:2:5: rules[0]: rule for metric 'all' is not restricted to a package: the class"
        + " pattern '*' does not start with a package name. The agent would have to inspect every class the"
        + " application loads, which slows startup. Add a package constraint such as class: com.yourcompany..* or"
        + " set allow_unscoped: true"), problemsOfRule("{metric: all, class: \"*\"}"));
  }

  @Test
  void aSelectEntryWithoutPackageMakesARuleUnscoped() {
    assertEquals(List.of("agent.yaml:2:5: rules[0]: rule for metric 'clients' is not restricted to a package: the"
        + " select[1] pattern '*Client' does not start with a package name. The agent would have to inspect every"
        + " class the application loads, which slows startup. Add a package constraint such as class:"
        + " com.yourcompany..* or set allow_unscoped: true"),
        problemsOfRule("{metric: clients, select: [com.example.A, \"*Client#get\"]}"));
  }

  @Test
  void hierarchyAndAnnotationCriteriaAloneAreUnscoped() {
    assertEquals(List.of("agent.yaml:2:5: rules[0]: rule for metric 'timed' is not restricted to a package: it"
        + " selects by extends and annotation alone, without a class: pattern. The agent would have to inspect every"
        + " class the application loads, which slows startup. Add a package constraint such as class:"
        + " com.yourcompany..* or set allow_unscoped: true"),
        problemsOfRule("{metric: timed, extends: com.example.Base, annotation: com.example.Timed}"));
  }

  @Test
  void exactClassNamesArePackageScopedEvenInTheDefaultPackage() throws ConfigException {
    assertEquals(1, files.load("rules: [{metric: main, class: Main}]").rules().size());
  }

  @Test
  void labelNamesFollowPrometheusNaming() {
    assertEquals(List.of(
        "agent.yaml:2:52: rules[0].labels.team-name: expected a label name of letters, digits and '_', not starting"
            + " with a digit, got 'team-name'; did you mean 'team_name'?",
        "agent.yaml:2:66: rules[0].labels.__tenant: label '__tenant' starts with '__', which Prometheus reserves for"
            + " its own use; choose another name"),
        problemsOfRule("{metric: calls, class: com.example.A, labels: {team-name: a, __tenant: b}}"));
  }

  @Test
  void theAgentsOwnLabelsCannotBeRuleLabels() {
    for (String label : List.of("code_namespace", "code_function", "error_type")) {
      assertEquals(List.of("agent.yaml:2:52: rules[0].labels." + label + ": label '" + label + "' is set by the agent"
          + " itself (it adds code_namespace, code_function, error_type); choose another name"),
          problemsOfRule("{metric: calls, class: com.example.A, labels: {" + label + ": x}}"));
    }
  }

  @Test
  void argumentLabelsTakeANonNegativeIndex() {
    assertEquals(List.of("agent.yaml:2:59: rules[0].labels.owner: expected a constant or {argN} (the argument at"
        + " 0-based index N), got '{arg-1}': N counts from 0 (the first argument) to 254"),
        problemsOfRule("{metric: calls, class: com.example.A, labels: {owner: \"{arg-1}\"}}"));
  }

  @Test
  void bracesAreOnlyForArguments() {
    assertEquals(List.of(
        "agent.yaml:2:59: rules[0].labels.owner: expected a constant or {argN} (the argument at 0-based index N), got"
            + " '{owner}': braces are only for {argN}, such as {arg0} for the first argument",
        "agent.yaml:2:76: rules[0].labels.repo: expected a constant or {argN} (the argument at 0-based index N), got"
            + " 'repo-{arg1}': braces are only for {argN}, such as {arg0} for the first argument"),
        problemsOfRule("{metric: calls, class: com.example.A, labels: {owner: \"{owner}\", repo: \"repo-{arg1}\"}}"));
  }

  @Test
  void anUnquotedArgumentLabelIsExplained() {
    assertEquals(List.of("agent.yaml:2:59: rules[0].labels.owner: expected a constant or {argN} (the argument at"
        + " 0-based index N), got a mapping; put {argN} in quotes, as in owner: \"{arg0}\", since YAML reads {arg0}"
        + " without quotes as a mapping"),
        problemsOfRule("{metric: calls, class: com.example.A, labels: {owner: {arg0}}}"));
  }

  @Test
  void anEmptyLabelValueIsRefused() {
    assertEquals(List.of("agent.yaml:2:58: rules[0].labels.team: expected a constant or {argN} (the argument at"
        + " 0-based index N), got '': Prometheus treats an empty label value as no label"),
        problemsOfRule("{metric: calls, class: com.example.A, labels: {team: ''}}"));
  }

  @Test
  void ruleTypeAndVisibilitySuggestTheClosestWord() {
    assertEquals(List.of(
        "agent.yaml:2:49: rules[0].type: expected timer or counter, got 'timers'; did you mean 'timer'?",
        "agent.yaml:2:69: rules[0].visibility: expected public, protected, package or any, got 'privat'"),
        problemsOfRule("{metric: calls, class: com.example.A, type: timers, visibility: privat}"));
  }

  @Test
  void patternsAndTypeNamesAreChecked() {
    List<String> problems = files.problems("""
        rules:
          - metric: calls
            class: [com.example., "com.example.Foo Bar"]
            extends: com.example.*Base
            implements: java.util.List<String>
            annotation: "@Timed"
            methods: ["get*(String)", "find(java.lang.String...)", "a.b", {parameters: [int]}]
            select: [com.example.A#, "#get", com.example.A.get(), "a#b#c"]
        """);

    assertEquals(List.of(
        "agent.yaml:3:13: rules[0].class[0]: expected a class name pattern such as com.example..*Client, got"
            + " 'com.example.': a class name cannot end with '.'; to match every class of a package and its"
            + " sub-packages write 'com.example..*'",
        "agent.yaml:3:27: rules[0].class[1]: expected a class name pattern such as com.example..*Client, got"
            + " 'com.example.Foo Bar': it contains whitespace",
        "agent.yaml:4:14: rules[0].extends: expected a class name such as com.example.Base, got 'com.example.*Base':"
            + " this takes one exact name; to match class names by pattern, use class:",
        "agent.yaml:5:17: rules[0].implements: expected an interface name such as com.example.Base, got"
            + " 'java.util.List<String>': leave out the type arguments, write 'java.util.List'",
        "agent.yaml:6:17: rules[0].annotation: expected an annotation name such as com.example.Base, got '@Timed'",
        "agent.yaml:7:15: rules[0].methods[0]: expected a parameter type such as java.lang.String, int or byte[], got"
            + " 'String': write 'java.lang.String'",
        "agent.yaml:7:31: rules[0].methods[1]: expected a parameter type such as java.lang.String, int or byte[], got"
            + " 'java.lang.String...': varargs are arrays, write 'java.lang.String[]'",
        "agent.yaml:7:60: rules[0].methods[2]: expected a method name pattern such as get*, got 'a.b': a method name"
            + " has no '.'; put the class in class: or in select: as Class#method",
        "agent.yaml:7:67: rules[0].methods[3]: missing required key 'name' (a method name pattern such as get*)",
        "agent.yaml:8:14: rules[0].select[0]: expected Class, Class#method or Class#method(types) such as"
            + " com.example.GitHubClient#get*, got 'com.example.A#': the method is missing after '#'; leave out the"
            + " '#' to select every method",
        "agent.yaml:8:30: rules[0].select[1]: expected Class, Class#method or Class#method(types) such as"
            + " com.example.GitHubClient#get*, got '#get': the class is missing before '#'",
        "agent.yaml:8:38: rules[0].select[2]: expected Class, Class#method or Class#method(types) such as"
            + " com.example.GitHubClient#get*, got 'com.example.A.get()': separate the class from the method with"
            + " '#', as in com.example.Foo#find(java.lang.String)",
        "agent.yaml:8:59: rules[0].select[3]: expected Class, Class#method or Class#method(types) such as"
            + " com.example.GitHubClient#get*, got 'a#b#c': it has more than one '#'"), problems);
  }

  @Test
  void rulesMayShareAMetricOnlyWithTheSameTypeAndLabels() {
    List<String> problems = files.problems("""
        rules:
          - metric: calls
            class: com.example.A
          - metric: calls
            type: counter
            class: com.example.B
          - metric: calls
            class: com.example.C
            labels: {team: c}
          - metric: calls
            class: com.example.D
            code_labels: false
        """);
    String first = "agent.yaml:2:5";

    assertEquals(List.of(
        "agent.yaml:4:13: rules[1].metric: metric 'calls' is also defined by rules[0] at " + first + " as a timer with"
            + " labels [code_namespace, code_function], but here as a counter with labels [code_namespace,"
            + " code_function]; rules may share a metric only with the same type and the same label names",
        "agent.yaml:7:13: rules[2].metric: metric 'calls' is also defined by rules[0] at " + first + " as a timer with"
            + " labels [code_namespace, code_function], but here as a timer with labels [code_namespace,"
            + " code_function, team]; rules may share a metric only with the same type and the same label names",
        "agent.yaml:10:13: rules[3].metric: metric 'calls' is also defined by rules[0] at " + first + " as a timer"
            + " with labels [code_namespace, code_function], but here as a timer with labels []; rules may share a"
            + " metric only with the same type and the same label names"), problems);
  }

  @Test
  void everyBrokenRuleIsReportedNotOnlyTheFirst() {
    List<String> problems = files.problems("""
        rules:
          - metric: http_calls
            class: com.example.A
          - metric: ok
            class: com.example.B
          - metric: bad-name
            class: com.example.C
          - not a rule
        """);

    assertEquals(List.of(
        "agent.yaml:2:13: rules[0].metric: metric 'http_calls' starts with 'http_', which is reserved for the agent's"
            + " built-in metrics (metrics_agent_, http_, db_, messaging_, jvm_, process_); choose another prefix, such"
            + " as your application's name",
        "agent.yaml:6:13: rules[2].metric: expected a metric name of letters, digits, '_' and ':', not starting with a"
            + " digit, got 'bad-name'; did you mean 'bad_name'?",
        "agent.yaml:8:5: rules[3]: expected a rule: a mapping with metric: and what it selects (select:, class:,"
            + " extends:, implements: or annotation:), got 'not a rule'"), problems);
  }

  @Test
  void rulesMustBeAList() {
    assertEquals(List.of("agent.yaml:2:3: rules: expected a list of rules, each a mapping starting with metric:, got"
        + " a mapping"), files.problems("rules:\n  metric: calls\n"));
  }
}
