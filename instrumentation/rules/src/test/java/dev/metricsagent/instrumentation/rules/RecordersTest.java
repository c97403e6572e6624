package dev.metricsagent.instrumentation.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.metricsagent.config.AgentConfig;
import dev.metricsagent.config.ConfigLoader;
import dev.metricsagent.config.RuleConfig;
import dev.metricsagent.instrumentation.api.Meters;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordersTest {

  @TempDir
  Path directory;

  private final PrometheusRegistry registry = new PrometheusRegistry();

  @Test
  void aTimerRecordsReturnedCallsUnderAnEmptyErrorTypeAndThrownOnesUnderTheExceptionName() throws Exception {
    RuleConfig rule = rule("{metric: payments, class: com.example.Payments, labels: {team: billing}}");
    RuleMetric metric = RuleMetric.create(rule, meters());
    TimerRecorder recorder = new TimerRecorder(metric,
        LabelTemplate.of(rule, metric.labelNames(), "com.example.Payments", "charge", new int[0]));

    recorder.record(2_000_000, null, null, null, null);
    recorder.record(1_000_000, null, null, null, null);
    recorder.record(5_000_000, new IllegalStateException(), null, null, null);

    assertEquals(Map.of("{code_function=charge, code_namespace=com.example.Payments, error_type=, team=billing}", 2L,
            "{code_function=charge, code_namespace=com.example.Payments, error_type=IllegalStateException,"
                + " team=billing}", 1L),
        histogramCounts("payments_seconds"));
  }

  @Test
  void aCounterWithAnArgumentLabelHasOneSeriesPerArgumentValue() throws Exception {
    RuleConfig rule = rule("{metric: handled, type: counter, class: com.example.Worker, code_labels: false,"
        + " labels: {queue: '{arg0}'}}");
    RuleMetric metric = RuleMetric.create(rule, meters());
    CounterRecorder recorder = new CounterRecorder(metric,
        LabelTemplate.of(rule, metric.labelNames(), "com.example.Worker", "handle", new int[] {0}));

    recorder.record(0, null, "orders", null, null);
    recorder.record(0, null, "orders", null, null);
    recorder.record(0, null, "refunds", null, null);

    CounterSnapshot snapshot = (CounterSnapshot) registry.scrape().stream()
        .filter(s -> s.getMetadata().getPrometheusName().equals("handled")).findFirst().orElseThrow();
    Map<String, Double> counts = new TreeMap<>();
    snapshot.getDataPoints().forEach(point -> counts.put(point.getLabels().get("queue"), point.getValue()));
    assertEquals(Map.of("orders", 2.0, "refunds", 1.0), counts);
  }

  private Map<String, Long> histogramCounts(String name) {
    HistogramSnapshot snapshot = (HistogramSnapshot) registry.scrape().stream()
        .filter(s -> s.getMetadata().getPrometheusName().equals(name)).findFirst().orElseThrow();
    Map<String, Long> counts = new TreeMap<>();
    snapshot.getDataPoints().forEach(point -> counts.put(labels(point.getLabels()), point.getCount()));
    return counts;
  }

  private static String labels(Labels labels) {
    Map<String, String> sorted = new TreeMap<>();
    labels.forEach(label -> sorted.put(label.getName(), label.getValue()));
    return sorted.toString();
  }

  private Meters meters() {
    return new Meters(registry, PrometheusProperties.builder().build(), AgentConfig.defaults());
  }

  private RuleConfig rule(String ruleYaml) throws Exception {
    Path file = Files.writeString(directory.resolve("agent.yaml"), "rules:\n  - " + ruleYaml + "\n");
    return ConfigLoader.loadFile(file).rules().get(0);
  }
}
