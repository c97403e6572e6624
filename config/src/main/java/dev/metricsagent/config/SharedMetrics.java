package dev.metricsagent.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Rules may feed one metric together (several classes timed into one histogram), but a metric has
 * one type and one set of label names, so such rules must agree on both.
 */
final class SharedMetrics {

  private final YamlNodes nodes;
  private final Map<String, RuleConfig> firstByMetric = new HashMap<>();

  SharedMetrics(YamlNodes nodes) {
    this.nodes = nodes;
  }

  /**
   * The rule, with its labels in the order of the first rule of the same metric; null (and a
   * problem naming both rules) when it disagrees with that rule.
   */
  RuleConfig admit(RuleConfig rule, Node ruleNode) {
    RuleConfig first = firstByMetric.putIfAbsent(rule.metric(), rule);
    if (first == null) {
      return rule;
    }
    boolean sameLabels = new HashSet<>(first.labelNames()).equals(new HashSet<>(rule.labelNames()));
    if (first.type() == rule.type() && sameLabels) {
      return rule.withLabelOrder(first.labelNames());
    }
    nodes.problem(metricNode(ruleNode), "rules[" + rule.index() + "].metric", "metric " + Found.quoted(rule.metric())
        + " is also defined by rules[" + first.index() + "] at " + first.location() + " as a "
        + describe(first) + ", but here as a " + describe(rule) + "; rules may share a metric only with the same"
        + " type and the same label names");
    return null;
  }

  private static String describe(RuleConfig rule) {
    return rule.type().yamlName() + " with labels " + rule.labelNames();
  }

  private static Node metricNode(Node ruleNode) {
    for (NodeTuple entry : ((MappingNode) ruleNode).getValue()) {
      if (entry.getKeyNode() instanceof ScalarNode && ((ScalarNode) entry.getKeyNode()).getValue().equals("metric")) {
        return entry.getValueNode();
      }
    }
    return ruleNode;
  }
}
