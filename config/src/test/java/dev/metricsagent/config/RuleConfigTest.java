package dev.metricsagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a rule reads: what it selects, its metric and its labels. Validation is in {@link RuleValidationTest}. */
class RuleConfigTest {

  @TempDir
  Path directory;

  private ConfigFiles files;

  @BeforeEach
  void setUp() {
    files = new ConfigFiles(directory);
  }

  private RuleConfig onlyRule(String yaml) throws ConfigException {
    List<RuleConfig> rules = files.load(yaml).rules();
    assertEquals(1, rules.size());
    return rules.get(0);
  }

  @Test
  void aMinimalRuleTimesAllPublicMethodsWithCodeLabels() throws ConfigException {
    RuleConfig rule = onlyRule("""
        rules:
          - metric: github_client_calls
            class: com.example.GitHubClient
        """);

    assertEquals(0, rule.index());
    assertEquals(files.directory().toAbsolutePath() + "/agent.yaml:2:5", rule.location());
    assertEquals("github_client_calls", rule.metric());
    assertEquals(RuleType.TIMER, rule.type());
    assertEquals("github_client_calls_seconds", rule.metricName());
    assertEquals("Time spent in the methods selected by metrics-agent rule github_client_calls", rule.help());
    assertEquals(Visibility.PUBLIC, rule.visibility());
    assertTrue(rule.includeStatic());
    assertFalse(rule.includeConstructors());
    assertTrue(rule.codeLabels());
    assertFalse(rule.allowUnscoped());
    assertEquals(List.of("code_namespace", "code_function"), rule.labelNames());
    assertEquals(1, rule.selections().size());
    ClassSelection selection = rule.selections().get(0);
    assertEquals("[com.example.GitHubClient]", selection.classNames().toString());
    assertEquals(List.of(), selection.methods());
    assertNull(selection.extendsClass());
    assertTrue(selection.matchesMethod("anything", List.of("int")));
  }

  @Test
  void readsEveryRuleKey() throws ConfigException {
    RuleConfig rule = onlyRule("""
        rules:
          - metric: payment_calls
            type: counter
            help: Calls to the payment provider
            class: [com.example..*Client, com.example.pay.Gateway]
            extends: com.example.BaseClient
            implements: com.example.Api
            annotation: io.micrometer.core.annotation.Timed
            methods: ["get*", {name: charge, parameters: [java.lang.String, long]}, "refund(java.lang.String[])"]
            visibility: protected
            static: false
            constructors: true
            exclude:
              classes: ["com.example..*Test"]
              methods: [toString, "equals(java.lang.Object)"]
            labels:
              team: payments
              owner: "{arg0}"
            code_labels: false
            allow_unscoped: true
        """);

    assertEquals(RuleType.COUNTER, rule.type());
    assertEquals("payment_calls_total", rule.metricName());
    assertEquals("Calls to the payment provider", rule.help());
    ClassSelection selection = rule.selections().get(0);
    assertEquals("[com.example..*Client, com.example.pay.Gateway]", selection.classNames().toString());
    assertEquals("com.example.BaseClient", selection.extendsClass());
    assertEquals("com.example.Api", selection.implementsInterface());
    assertEquals("io.micrometer.core.annotation.Timed", selection.annotation());
    assertEquals("[get*, charge(java.lang.String, long), refund(java.lang.String[])]", selection.methods().toString());
    assertEquals(Visibility.PROTECTED, rule.visibility());
    assertFalse(rule.includeStatic());
    assertTrue(rule.includeConstructors());
    assertEquals("[com.example..*Test]", rule.excludedClasses().toString());
    assertEquals("[toString, equals(java.lang.Object)]", rule.excludedMethods().toString());
    assertEquals("payments", rule.labels().get("team").constant());
    assertTrue(rule.labels().get("owner").isArgument());
    assertEquals(0, rule.labels().get("owner").argumentIndex());
    assertFalse(rule.codeLabels());
    assertTrue(rule.allowUnscoped());
    assertEquals(List.of("team", "owner"), rule.labelNames());
  }

  @Test
  void aCounterHasItsOwnDefaultHelp() throws ConfigException {
    RuleConfig rule = onlyRule("rules: [{metric: jobs, type: counter, class: com.example.Job}]");

    assertEquals("Calls of the methods selected by metrics-agent rule jobs", rule.help());
  }

  @Test
  void selectEntriesAreSelectionsOfTheirOwn() throws ConfigException {
    RuleConfig rule = onlyRule("""
        rules:
          - metric: github_client_calls
            select:
              - com.example.github.GitHubClient#get*
              - com.example.github.Repos#find(java.lang.String, int)
              - com.example.github.Pulls
        """);
    List<ClassSelection> selections = rule.selections();

    assertEquals(3, selections.size());
    assertEquals("{class=[com.example.github.GitHubClient], methods=[get*]}", selections.get(0).toString());
    assertEquals("{class=[com.example.github.Repos], methods=[find(java.lang.String, int)]}",
        selections.get(1).toString());
    assertEquals("{class=[com.example.github.Pulls], methods=all}", selections.get(2).toString());
  }

  @Test
  void selectCombinesWithClassCriteriaAsFurtherSelections() throws ConfigException {
    RuleConfig rule = onlyRule("""
        rules:
          - metric: client_calls
            class: com.example..*Client
            methods: [get*]
            select: com.example.legacy.OldApi#call
        """);

    assertEquals(2, rule.selections().size());
    assertTrue(rule.matchesClassName("com.example.a.FooClient"));
    assertTrue(rule.matchesClassName("com.example.legacy.OldApi"));
    assertFalse(rule.matchesClassName("com.example.legacy.Other"));
    assertTrue(rule.selections().get(0).matchesMethod("getUser", List.of()));
    assertFalse(rule.selections().get(0).matchesMethod("call", List.of()));
    assertTrue(rule.selections().get(1).matchesMethod("call", List.of("int")));
  }

  @Test
  void excludedClassesAndMethodsAreRuledOut() throws ConfigException {
    RuleConfig rule = onlyRule("""
        rules:
          - metric: client_calls
            class: com.example..*
            exclude: {classes: "com.example..*Test", methods: "hashCode()"}
        """);

    assertTrue(rule.matchesClassName("com.example.Client"));
    assertFalse(rule.matchesClassName("com.example.ClientTest"));
    assertTrue(rule.isExcludedClass("com.example.a.ClientTest"));
    assertTrue(rule.isExcludedMethod("hashCode", List.of()));
    assertFalse(rule.isExcludedMethod("hashCode", List.of("int")));
  }

  @Test
  void visibilityAndStaticFilterByModifiers() throws ConfigException {
    RuleConfig publicOnly = onlyRule("rules: [{metric: a, class: com.example.A, static: false}]");
    RuleConfig packageToo = onlyRule("rules: [{metric: a, class: com.example.A, visibility: package}]");

    assertTrue(publicOnly.allowsModifiers(Modifier.PUBLIC));
    assertFalse(publicOnly.allowsModifiers(Modifier.PUBLIC | Modifier.STATIC));
    assertFalse(publicOnly.allowsModifiers(Modifier.PROTECTED));
    assertTrue(packageToo.allowsModifiers(0));
    assertTrue(packageToo.allowsModifiers(Modifier.PROTECTED | Modifier.STATIC));
    assertFalse(packageToo.allowsModifiers(Modifier.PRIVATE));
  }

  @Test
  void eachVisibilityAllowsWhatItsNameSays() {
    assertTrue(Visibility.PUBLIC.allows(Modifier.PUBLIC));
    assertFalse(Visibility.PUBLIC.allows(Modifier.PROTECTED));
    assertTrue(Visibility.PROTECTED.allows(Modifier.PROTECTED));
    assertFalse(Visibility.PROTECTED.allows(0));
    assertTrue(Visibility.PACKAGE.allows(0));
    assertFalse(Visibility.PACKAGE.allows(Modifier.PRIVATE));
    assertTrue(Visibility.ANY.allows(Modifier.PRIVATE));
  }

  @Test
  void labelsComeAfterTheCodeLabelsInFileOrder() throws ConfigException {
    RuleConfig rule = onlyRule("""
        rules:
          - metric: calls
            class: com.example.A
            labels: {zone: eu, team: payments, tenant: "{arg2}"}
        """);

    assertEquals(List.of("code_namespace", "code_function", "zone", "team", "tenant"), rule.labelNames());
    assertEquals("{arg2}", rule.labels().get("tenant").toString());
    assertEquals(2, rule.labels().get("tenant").argumentIndex());
    assertNull(rule.labels().get("tenant").constant());
  }

  @Test
  void labelConstantsMayBeNumbersOrBooleansInYaml() throws ConfigException {
    RuleConfig rule = onlyRule("rules: [{metric: a, class: com.example.A, labels: {version: 2, beta: true}}]");

    assertEquals("2", rule.labels().get("version").constant());
    assertEquals("true", rule.labels().get("beta").constant());
  }

  @Test
  void rulesSharingAMetricGetTheLabelOrderOfTheFirst() throws ConfigException {
    List<RuleConfig> rules = files.load("""
        rules:
          - metric: calls
            class: com.example.A
            labels: {team: a, zone: eu}
          - metric: calls
            class: com.example.B
            labels: {zone: us, team: b}
        """).rules();

    assertEquals(2, rules.size());
    assertEquals(rules.get(0).labelNames(), rules.get(1).labelNames());
    assertEquals(List.of("code_namespace", "code_function", "team", "zone"), rules.get(1).labelNames());
    assertEquals("b", rules.get(1).labels().get("team").constant());
  }

  @Test
  void rulesKeepTheirPositionInTheFile() throws ConfigException {
    List<RuleConfig> rules = files.load("""
        rules:
          - {metric: a, class: com.example.A}
          - {metric: b, class: com.example.B}
        """).rules();

    assertEquals(0, rules.get(0).index());
    assertEquals(1, rules.get(1).index());
    assertTrue(rules.get(1).location().endsWith("agent.yaml:3:5"));
  }

  @Test
  void ruleTypeAndVisibilityAreCaseInsensitive() throws ConfigException {
    RuleConfig rule = onlyRule("rules: [{metric: a, class: com.example.A, type: Counter, visibility: ANY}]");

    assertEquals(RuleType.COUNTER, rule.type());
    assertEquals(Visibility.ANY, rule.visibility());
  }

  @Test
  void anAnnotationSelectsWithinAPackage() throws ConfigException {
    RuleConfig rule = onlyRule("""
        rules:
          - metric: timed
            class: com.example..*
            annotation: io.micrometer.core.annotation.Timed
        """);

    assertTrue(rule.selections().get(0).isPackageScoped());
  }

  @Test
  void anUnscopedRuleIsAcceptedWhenTheUserOptsIn() throws ConfigException {
    RuleConfig rule = onlyRule("""
        rules:
          - metric: runnables
            implements: java.lang.Runnable
            methods: [run]
            allow_unscoped: true
        """);

    assertTrue(rule.allowUnscoped());
    assertEquals(List.of(), rule.selections().get(0).classNames());
    assertEquals("java.lang.Runnable", rule.selections().get(0).implementsInterface());
    assertFalse(rule.selections().get(0).isPackageScoped());
  }
}
