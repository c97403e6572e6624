package dev.metricsagent.instrumentation.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metricsagent.config.ConfigLoader;
import dev.metricsagent.instrumentation.api.ClassInfo;
import dev.metricsagent.instrumentation.api.ClassLoaderTypes;
import dev.metricsagent.instrumentation.api.MethodInfo;
import dev.metricsagent.instrumentation.rules.sample.AuditedService;
import dev.metricsagent.instrumentation.rules.sample.BaseRepository;
import dev.metricsagent.instrumentation.rules.sample.Billing;
import dev.metricsagent.instrumentation.rules.sample.GitHubClient;
import dev.metricsagent.instrumentation.rules.sample.Handler;
import dev.metricsagent.instrumentation.rules.sample.OrderHandler;
import dev.metricsagent.instrumentation.rules.sample.UserRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleMatchersTest {

  private static final String SAMPLE = "dev.metricsagent.instrumentation.rules.sample.";

  private static final ClassLoaderTypes CLASS_FILES = new ClassLoaderTypes(RuleMatchersTest.class.getClassLoader());

  @TempDir
  Path directory;

  @Test
  void aSelectEntryTakesTheMethodsWhoseNameMatchesWithEveryOverload() throws Exception {
    assertEquals(List.of("GitHubClient#get(java.lang.String)", "GitHubClient#get(java.lang.String, int)",
            "GitHubClient#getAll(java.lang.String[])"),
        selected("{metric: calls, select: [" + SAMPLE + "GitHubClient#get*]}", GitHubClient.class));
  }

  @Test
  void parameterTypesNarrowToOneOverload() throws Exception {
    assertEquals(List.of("GitHubClient#get(java.lang.String, int)"),
        selected("{metric: calls, select: ['" + SAMPLE + "GitHubClient#get(java.lang.String, int)']}",
            GitHubClient.class));
  }

  @Test
  void withoutMethodsEveryPublicMethodTheClassDeclaresButNoConstructorNorLambda() throws Exception {
    assertEquals(List.of("GitHubClient#get(java.lang.String)", "GitHubClient#get(java.lang.String, int)",
            "GitHubClient#getAll(java.lang.String[])", "GitHubClient#post(java.lang.String)", "GitHubClient#version()"),
        selected("{metric: calls, class: " + SAMPLE + "GitHub*}", GitHubClient.class));
  }

  @Test
  void visibilityAnyAddsPrivateAndProtectedMethodsStillNoLambdaBody() throws Exception {
    assertEquals(List.of("GitHubClient#get(java.lang.String)", "GitHubClient#get(java.lang.String, int)",
            "GitHubClient#getAll(java.lang.String[])", "GitHubClient#post(java.lang.String)", "GitHubClient#retry()",
            "GitHubClient#secret()", "GitHubClient#version()"),
        selected("{metric: calls, class: " + SAMPLE + "GitHubClient, visibility: any}", GitHubClient.class));
  }

  @Test
  void staticFalseLeavesStaticMethodsOut() throws Exception {
    assertFalse(selected("{metric: calls, class: " + SAMPLE + "GitHubClient, static: false}", GitHubClient.class)
        .contains("GitHubClient#version()"));
  }

  @Test
  void constructorsOnlyWhenAsked() throws Exception {
    assertTrue(selected("{metric: calls, class: " + SAMPLE + "GitHubClient, constructors: true}", GitHubClient.class)
        .contains("GitHubClient#<init>()"));
  }

  @Test
  void excludedMethodsAndClassesAreLeftOut() throws Exception {
    assertEquals(List.of("GitHubClient#get(java.lang.String)", "GitHubClient#get(java.lang.String, int)"),
        selected("{metric: calls, class: " + SAMPLE + "GitHubClient, methods: 'get*',"
            + " exclude: {methods: [getAll]}}", GitHubClient.class));
    assertEquals(List.of(), selected("{metric: calls, class: " + SAMPLE + "*,"
        + " exclude: {classes: [" + SAMPLE + "GitHub*]}}", GitHubClient.class));
  }

  @Test
  void implementsSelectsImplementationsAndTheInterfaceDefaultMethodButNoAbstractMethodOrBridge() throws Exception {
    assertEquals(List.of("Handler#describe()", "OrderHandler#handle(java.lang.String)"),
        selected("{metric: handled, type: counter, class: " + SAMPLE + "*, implements: " + Handler.class.getName()
            + "}", Handler.class, OrderHandler.class, GitHubClient.class));
  }

  @Test
  void extendsSelectsTheClassAndItsSubclassesWhereEachMethodIsDeclared() throws Exception {
    assertEquals(List.of("BaseRepository#find(long)", "UserRepository#count()", "UserRepository#save(java.lang.String)"),
        selected("{metric: repository, class: " + SAMPLE + "*, extends: " + BaseRepository.class.getName() + "}",
            BaseRepository.class, UserRepository.class, GitHubClient.class));
  }

  @Test
  void anAnnotationOnAMethodSelectsThatMethodAndOnAClassAllItsMethods() throws Exception {
    assertEquals(List.of("AuditedService#archive()", "AuditedService#audit()", "Billing#charge(long)"),
        selected("{metric: timed, class: " + SAMPLE + "*, annotation: " + SAMPLE + "Timed}",
            Billing.class, AuditedService.class, GitHubClient.class));
  }

  @Test
  void aTypeIsCandidateOnlyWhenItsNameAndHierarchyMatch() throws Exception {
    RuleMatchers rule = rule("{metric: repository, class: " + SAMPLE + "*Repository, extends: "
        + BaseRepository.class.getName() + "}");
    assertTrue(rule.selectsType(describe(UserRepository.class)));
    assertFalse(rule.selectsType(describe(GitHubClient.class)));
    assertFalse(rule.selectsType(describe(String.class)));
  }

  private List<String> selected(String ruleYaml, Class<?>... types) throws Exception {
    RuleMatchers rule = rule(ruleYaml);
    List<String> methods = new ArrayList<>();
    for (Class<?> type : types) {
      ClassInfo description = describe(type);
      if (!rule.selectsType(description)) {
        continue;
      }
      for (MethodInfo method : description.methods()) {
        if (rule.selectsMethod(method)) {
          methods.add(type.getSimpleName() + "#" + method.name() + "("
              + String.join(", ", method.parameterTypeNames()) + ")");
        }
      }
    }
    methods.sort(null);
    return methods;
  }

  /** As the agent sees classes: read from class files (CLASS-retention annotations included), never loaded. */
  private static ClassInfo describe(Class<?> type) {
    return CLASS_FILES.resolve(type.getName());
  }

  private RuleMatchers rule(String ruleYaml) throws Exception {
    Path file = Files.writeString(directory.resolve("agent.yaml"), "rules:\n  - " + ruleYaml + "\n");
    return new RuleMatchers(ConfigLoader.loadFile(file).rules().get(0));
  }
}
