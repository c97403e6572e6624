package dev.metricsagent.config;

import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads {@code histograms:}: default buckets, the native switch, and per-metric overrides. */
final class HistogramsReader {

  private static final List<String> KEYS = List.of("buckets", "native", "metrics");
  private static final List<String> METRIC_KEYS = List.of("buckets", "native");
  private static final String BUCKETS_EXPECTED = "a list of bucket upper bounds in seconds, such as [0.1, 0.5, 1, 5]";

  private final YamlNodes nodes;

  HistogramsReader(YamlNodes nodes) {
    this.nodes = nodes;
  }

  void read(Node node, ConfigDraft draft) {
    YamlMapping histograms = nodes.mapping(node, "histograms", KEYS);
    if (histograms == null) {
      return;
    }
    nodes.readSettings(histograms, draft);
    if (histograms.has("buckets")) {
      double[] buckets = buckets(histograms.value("buckets"), histograms.pathOf("buckets"));
      if (buckets != null) {
        draft.buckets = buckets;
      }
    }
    if (histograms.has("metrics")) {
      readPerMetric(histograms.value("metrics"), histograms.pathOf("metrics"), draft);
    }
  }

  private void readPerMetric(Node node, String path, ConfigDraft draft) {
    YamlMapping metrics = nodes.mapping(node, path, null,
        "a mapping from metric name (such as http_server_request_duration_seconds) to its buckets: and native:");
    if (metrics == null) {
      return;
    }
    for (String name : metrics.keys()) {
      String metricPath = metrics.pathOf(name);
      String nameProblem = PrometheusNames.histogramMetricProblem(name);
      if (nameProblem != null) {
        nodes.problem(metrics.keyNode(name), metricPath, nameProblem);
        continue;
      }
      YamlMapping settings = nodes.mapping(metrics.value(name), metricPath, METRIC_KEYS);
      if (settings == null) {
        continue;
      }
      double[] buckets = settings.has("buckets") ? buckets(settings.value("buckets"), settings.pathOf("buckets")) : null;
      Boolean nativeHistograms = settings.has("native")
          ? nodes.value(settings.value("native"), settings.pathOf("native"), ValueTypes.BOOLEAN)
          : null;
      draft.histogramsPerMetric.put(name, new HistogramConfig.FamilyOverride(buckets, nativeHistograms));
    }
  }

  /** Bucket upper bounds: a non-empty list of positive, finite, strictly increasing numbers; null with problems. */
  private double[] buckets(Node node, String path) {
    List<Node> items = nodes.list(node, path, BUCKETS_EXPECTED);
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      nodes.problem(node, path, "expected " + BUCKETS_EXPECTED + ", got an empty list");
      return null;
    }
    double[] buckets = new double[items.size()];
    boolean valid = true;
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String itemPath = path + "[" + i + "]";
      Double bound = bound(item, itemPath);
      if (bound == null) {
        valid = false;
        continue;
      }
      buckets[i] = bound;
      if (i > 0 && valid && bound <= buckets[i - 1]) {
        nodes.problem(item, itemPath, "buckets must be strictly increasing, but " + Found.quoted(text(item))
            + " follows " + Found.quoted(text(items.get(i - 1))));
        valid = false;
      }
    }
    return valid ? buckets : null;
  }

  private Double bound(Node item, String path) {
    Object value = item.getNodeId() == NodeId.scalar ? nodes.yamlValue((ScalarNode) item) : null;
    if (!(value instanceof Number)) {
      nodes.problem(item, path, "expected a number of seconds, got " + Found.describe(item));
      return null;
    }
    double bound = ((Number) value).doubleValue();
    if (Double.isNaN(bound) || Double.isInfinite(bound)) {
      nodes.problem(item, path, "expected a finite number of seconds, got " + Found.describe(item)
          + (bound > 0 ? "; Prometheus adds the +Inf bucket itself" : ""));
      return null;
    }
    if (bound <= 0) {
      nodes.problem(item, path, "expected a number of seconds above zero, got " + Found.describe(item));
      return null;
    }
    return bound;
  }

  private static String text(Node node) {
    return ((ScalarNode) node).getValue();
  }
}
