package dev.metricsagent.agent.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.core.metrics.StateSet;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_33_5.Metrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the agent writes is read back with the Prometheus client's own generated protobuf classes. */
class ProtobufFormatWriterTest {

  private final PrometheusProperties properties = PrometheusProperties.builder().build();
  private final PrometheusRegistry registry = new PrometheusRegistry();

  @Test
  void counterFamilyIsNamedWithTotalAndCarriesLabelsAndValue() throws IOException {
    Counter.builder(properties).name("calls_total").help("Calls.").labelNames("peer")
        .register(registry).labelValues("github").inc(3);

    Metrics.MetricFamily family = single();

    assertEquals("calls_total", family.getName());
    assertEquals("Calls.", family.getHelp());
    assertEquals(Metrics.MetricType.COUNTER, family.getType());
    assertEquals("peer", family.getMetric(0).getLabel(0).getName());
    assertEquals("github", family.getMetric(0).getLabel(0).getValue());
    assertEquals(3.0, family.getMetric(0).getCounter().getValue());
  }

  @Test
  void zeroGaugeIsWrittenAsZeroNotLeftOut() throws IOException {
    Gauge.builder(properties).name("active").help("h").register(registry).set(0);

    Metrics.MetricFamily family = single();

    assertEquals(Metrics.MetricType.GAUGE, family.getType());
    assertTrue(family.getMetric(0).hasGauge());
    assertEquals(0.0, family.getMetric(0).getGauge().getValue());
  }

  @Test
  void classicHistogramHasCumulativeBucketsCountAndSum() throws IOException {
    Histogram histogram = Histogram.builder(properties).name("latency_seconds").help("h")
        .classicOnly().classicUpperBounds(0.1, 1.0).register(registry);
    histogram.observe(0.05);
    histogram.observe(0.5);
    histogram.observe(5);

    Metrics.Histogram written = single().getMetric(0).getHistogram();

    assertEquals(3, written.getSampleCount());
    assertEquals(5.55, written.getSampleSum(), 1e-9);
    assertEquals(List.of(1L, 2L, 3L), cumulativeCounts(written));
    assertEquals(0.1, written.getBucket(0).getUpperBound());
    assertEquals(Double.POSITIVE_INFINITY, written.getBucket(2).getUpperBound());
    assertEquals(0, written.getPositiveSpanCount());
  }

  @Test
  void nativeHistogramHasSchemaSpansAndDeltas() throws IOException {
    Histogram histogram = Histogram.builder(properties).name("latency_seconds").help("h")
        .nativeOnly().nativeInitialSchema(0).register(registry);
    histogram.observe(1.5); // bucket 1 at schema 0: (1, 2]
    histogram.observe(1.7);
    histogram.observe(3); // bucket 2: (2, 4]
    histogram.observe(12); // bucket 4: (8, 16]

    Metrics.Histogram written = single().getMetric(0).getHistogram();

    assertEquals(0, written.getSchema());
    assertEquals(4, written.getSampleCount());
    assertEquals(2, written.getPositiveSpanCount());
    assertEquals(1, written.getPositiveSpan(0).getOffset());
    assertEquals(2, written.getPositiveSpan(0).getLength());
    assertEquals(1, written.getPositiveSpan(1).getOffset());
    assertEquals(1, written.getPositiveSpan(1).getLength());
    assertEquals(List.of(2L, -1L, 0L), written.getPositiveDeltaList());
  }

  @Test
  void emptyNativeHistogramStillHasASpanSoPrometheusKnowsItIsNative() throws IOException {
    Histogram.builder(properties).name("idle_seconds").help("h").nativeOnly().register(registry);

    Metrics.Histogram written = single().getMetric(0).getHistogram();

    assertEquals(1, written.getPositiveSpanCount());
    assertEquals(0, written.getPositiveSpan(0).getLength());
  }

  @Test
  void infoStateSetAndSummaryBecomeGaugesAndSummary() throws IOException {
    Info.builder(properties).name("build_info").help("h").labelNames("version")
        .register(registry).setLabelValues("1.0");
    StateSet.builder(properties).name("mode").help("h").states("on", "off")
        .register(registry).setTrue("on");
    Summary summary = Summary.builder(properties).name("size_bytes").help("h").register(registry);
    summary.observe(10);

    List<Metrics.MetricFamily> families = read();

    Metrics.MetricFamily info = families.get(0);
    assertEquals("build_info", info.getName());
    assertEquals(1.0, info.getMetric(0).getGauge().getValue());
    Metrics.MetricFamily mode = families.get(1);
    assertEquals(Metrics.MetricType.GAUGE, mode.getType());
    assertEquals(2, mode.getMetricCount());
    Metrics.MetricFamily size = families.get(2);
    assertEquals(Metrics.MetricType.SUMMARY, size.getType());
    assertEquals(1, size.getMetric(0).getSummary().getSampleCount());
    assertEquals(10.0, size.getMetric(0).getSummary().getSampleSum());
  }

  private static List<Long> cumulativeCounts(Metrics.Histogram histogram) {
    List<Long> counts = new ArrayList<>();
    for (Metrics.Bucket bucket : histogram.getBucketList()) {
      counts.add(bucket.getCumulativeCount());
    }
    return counts;
  }

  private Metrics.MetricFamily single() throws IOException {
    List<Metrics.MetricFamily> families = read();
    assertEquals(1, families.size());
    return families.get(0);
  }

  private List<Metrics.MetricFamily> read() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ProtobufFormatWriter().write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
    ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
    List<Metrics.MetricFamily> families = new ArrayList<>();
    Metrics.MetricFamily family;
    while ((family = Metrics.MetricFamily.parseDelimitedFrom(in)) != null) {
      families.add(family);
    }
    return families;
  }
}
