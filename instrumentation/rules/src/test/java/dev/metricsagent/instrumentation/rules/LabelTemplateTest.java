package dev.metricsagent.instrumentation.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metricsagent.config.ConfigLoader;
import dev.metricsagent.config.RuleConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelTemplateTest {

  @TempDir
  Path directory;

  @Test
  void codeLabelsAndConstantsAreFixedWhenTheMethodIsInstrumentedAndErrorTypeComesLast() throws Exception {
    RuleConfig rule = rule("{metric: calls, class: com.example.Client, labels: {team: payments}}");
    LabelTemplate labels = LabelTemplate.of(rule, RuleMetric.labelNames(rule), "com.example.Client", "get", new int[0]);
    assertEquals(List.of("code_namespace", "code_function", "team", "error_type"), RuleMetric.labelNames(rule));
    assertEquals(List.of("com.example.Client", "get", "payments", "IOException"), values(labels, "IOException"));
    assertNull(labels.value(3, null, null, null, null), "error_type is empty when the method returned");
    assertFalse(labels.readsArguments());
  }

  @Test
  void anArgumentLabelReadsTheSlotTheAdvicePassesItIn() throws Exception {
    RuleConfig rule = rule("{metric: sent, type: counter, class: com.example.Client, code_labels: false,"
        + " labels: {queue: '{arg2}', tenant: '{arg0}'}}");
    LabelTemplate labels = LabelTemplate.of(rule, RuleMetric.labelNames(rule), "com.example.Client", "send",
        new int[] {0, 2});
    assertTrue(labels.readsArguments());
    assertEquals("orders", labels.value(0, null, "acme", "orders", null));
    assertEquals("acme", labels.value(1, null, "acme", "orders", null));
    assertEquals("42", labels.value(1, null, 42, "orders", null), "a boxed primitive becomes its text");
  }

  @Test
  void anArgumentTheMethodDoesNotHaveGivesAnEmptyValue() throws Exception {
    RuleConfig rule = rule("{metric: sent, type: counter, class: com.example.Client, labels: {queue: '{arg5}'}}");
    LabelTemplate labels = LabelTemplate.of(rule, RuleMetric.labelNames(rule), "com.example.Client", "send",
        new int[0]);
    assertNull(labels.value(2, null, null, null, null));
  }

  private static List<String> values(LabelTemplate labels, String errorType) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      values.add(labels.value(i, errorType, null, null, null));
    }
    return values;
  }

  private RuleConfig rule(String ruleYaml) throws Exception {
    Path file = Files.writeString(directory.resolve("agent.yaml"), "rules:\n  - " + ruleYaml + "\n");
    return ConfigLoader.loadFile(file).rules().get(0);
  }
}
