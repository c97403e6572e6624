package dev.metricsagent.instrumentation.rules;

import dev.metricsagent.config.RuleConfig;
import dev.metricsagent.instrumentation.api.Meters;
import java.util.HashMap;
import java.util.Map;

/**
 * The metrics of all rules, one per metric name: rules that name the same metric (the
 * configuration checked they agree on type and labels) share one Prometheus metric.
 */
final class RuleMetrics {

  private final Map<String, RuleMetric> byName = new HashMap<>();
  private final Meters meters;

  RuleMetrics(Meters meters) {
    this.meters = meters;
  }

  /**
   * The metric a rule feeds, created with the first rule that names it.
   *
   * @throws IllegalArgumentException when the rule's metric cannot be created (too many labels)
   */
  synchronized RuleMetric of(RuleConfig rule) {
    RuleMetric metric = byName.get(rule.metricName());
    if (metric == null) {
      metric = RuleMetric.create(rule, meters);
      byName.put(rule.metricName(), metric);
    }
    return metric;
  }
}
