package dev.metricsagent.config;

import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the YAML file's node tree into the draft, section by section, reporting every problem. */
final class YamlConfigReader {

  private static final List<String> ROOT_KEYS = List.of("fail_fast", "cardinality_limit", "server", "jvm_metrics",
      "class_cache", "histograms", "instrumentation", "rules", "pushgateway");
  private static final List<String> SERVER_KEYS = List.of("enabled", "host", "port", "path");
  private static final List<String> CLASS_CACHE_KEYS = List.of("enabled", "directory");
  private static final List<String> FAMILY_KEYS = List.of("enabled");
  private static final List<String> HTTP_CLIENT_KEYS = List.of("enabled", "peers");
  private static final List<String> PUSHGATEWAY_KEYS = List.of("enabled", "address", "scheme", "job", "interval",
      "grouping_key", "delete_on_shutdown");

  private final YamlNodes nodes;

  YamlConfigReader(YamlNodes nodes) {
    this.nodes = nodes;
  }

  void read(Node root, ConfigDraft draft) {
    YamlMapping top = nodes.mapping(root, "", ROOT_KEYS,
        "a mapping of settings such as server: or rules: at the top level");
    if (top == null) {
      return;
    }
    nodes.readSettings(top, draft);
    if (top.has("server")) {
      section(top.value("server"), "server", SERVER_KEYS, draft);
    }
    if (top.has("class_cache")) {
      section(top.value("class_cache"), "class_cache", CLASS_CACHE_KEYS, draft);
    }
    if (top.has("histograms")) {
      new HistogramsReader(nodes).read(top.value("histograms"), draft);
    }
    if (top.has("instrumentation")) {
      instrumentation(top.value("instrumentation"), draft);
    }
    if (top.has("rules")) {
      rules(top.value("rules"), draft);
    }
    if (top.has("pushgateway")) {
      pushgateway(top.value("pushgateway"), draft);
    }
  }

  /** A mapping holding scalar settings only (or before its other keys are read). */
  private YamlMapping section(Node node, String path, List<String> keys, ConfigDraft draft) {
    YamlMapping section = nodes.mapping(node, path, keys);
    if (section != null) {
      nodes.readSettings(section, draft);
    }
    return section;
  }

  private void instrumentation(Node node, ConfigDraft draft) {
    YamlMapping instrumentation = nodes.mapping(node, "instrumentation", InstrumentationConfig.families());
    if (instrumentation == null) {
      return;
    }
    for (String family : instrumentation.keys()) {
      boolean httpClient = family.equals("http_client");
      YamlMapping settings = section(instrumentation.value(family), instrumentation.pathOf(family),
          httpClient ? HTTP_CLIENT_KEYS : FAMILY_KEYS, draft);
      if (httpClient && settings != null && settings.has("peers")) {
        draft.peers.addAll(new PeerReader(nodes).read(settings.value("peers"), settings.pathOf("peers")));
      }
    }
  }

  private void rules(Node node, ConfigDraft draft) {
    List<Node> items = nodes.list(node, "rules", "a list of rules, each a mapping starting with metric:");
    if (items == null) {
      return;
    }
    RuleReader reader = new RuleReader(nodes);
    SharedMetrics sharedMetrics = new SharedMetrics(nodes);
    for (int i = 0; i < items.size(); i++) {
      RuleConfig rule = reader.read(items.get(i), i);
      if (rule != null) {
        rule = sharedMetrics.admit(rule, items.get(i));
      }
      if (rule != null) {
        draft.rules.add(rule);
      }
    }
  }

  private void pushgateway(Node node, ConfigDraft draft) {
    YamlMapping pushgateway = section(node, "pushgateway", PUSHGATEWAY_KEYS, draft);
    if (pushgateway == null || !pushgateway.has("grouping_key")) {
      return;
    }
    String path = pushgateway.pathOf("grouping_key");
    YamlMapping groupingKey = nodes.mapping(pushgateway.value("grouping_key"), path, null,
        "a mapping from label name to value, such as {instance: batch-1}");
    if (groupingKey == null) {
      return;
    }
    for (String label : groupingKey.keys()) {
      String labelPath = groupingKey.pathOf(label);
      String problem = label.equals("job")
          ? "the job label is set by pushgateway.job"
          : PrometheusNames.labelNameProblem(label);
      if (problem != null) {
        nodes.problem(groupingKey.keyNode(label), labelPath, problem);
        continue;
      }
      String value = nodes.text(groupingKey.value(label), labelPath, "a label value");
      if (value != null) {
        draft.pushgatewayGroupingKey.put(label, value);
      }
    }
  }
}
