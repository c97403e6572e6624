package dev.metricsagent.instrumentation.rules;

import dev.metricsagent.config.AgentConfig;
import dev.metricsagent.config.RuleConfig;
import dev.metricsagent.instrumentation.api.InstrumentationContext;
import dev.metricsagent.instrumentation.api.InstrumentationModule;
import dev.metricsagent.instrumentation.api.TypeInstrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * YAML method rules ({@code rules:}): a histogram or a counter for the methods each rule selects.
 * Active whenever the configuration has rules.
 */
public final class RulesModule implements InstrumentationModule {

  private List<TypeInstrumentation> instrumentations = List.of();

  @Override
  public String name() {
    return "rules";
  }

  @Override
  public boolean enabled(AgentConfig config) {
    return !config.rules().isEmpty();
  }

  @Override
  public void start(InstrumentationContext context) {
    RuleMetrics metrics = new RuleMetrics(context.meters());
    List<RuleMatchers> rules = new ArrayList<>();
    List<RuleMetric> ruleMetrics = new ArrayList<>();
    for (RuleConfig rule : context.config().rules()) {
      try {
        ruleMetrics.add(metrics.of(rule));
        rules.add(new RuleMatchers(rule));
      } catch (IllegalArgumentException e) {
        // One rule the metrics cannot express must not cost the application the other rules.
        System.err.println("metrics-agent: rule ignored: " + e.getMessage());
      }
    }
    if (!rules.isEmpty()) {
      instrumentations = List.of(new RulesInstrumentation(rules, new InstrumentedMethods(rules, ruleMetrics)));
    }
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return instrumentations;
  }
}
