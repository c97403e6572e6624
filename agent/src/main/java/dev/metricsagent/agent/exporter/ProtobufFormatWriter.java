package dev.metricsagent.agent.exporter;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The Prometheus protobuf exposition format ({@code io.prometheus.client.MetricFamily},
 * length-delimited), written without the protobuf runtime: the Prometheus client's own writer
 * ships a 2 MB shaded copy of it, a quarter of the agent's jar. Prometheus asks for this format
 * when it scrapes native histograms.
 *
 * <p>Field numbers are those of Prometheus' {@code metrics.proto}.
 */
public class ProtobufFormatWriter implements ExpositionFormatWriter {

  public static final String CONTENT_TYPE =
      "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";

  private static final int COUNTER = 0;
  private static final int GAUGE = 1;
  private static final int SUMMARY = 2;
  private static final int UNTYPED = 3;
  private static final int HISTOGRAM = 4;
  private static final int GAUGE_HISTOGRAM = 5;

  @Override
  public boolean accepts(String acceptHeader) {
    return acceptHeader != null
        && acceptHeader.contains("application/vnd.google.protobuf")
        && acceptHeader.contains("proto=io.prometheus.client.MetricFamily");
  }

  @Override
  public String getContentType() {
    return CONTENT_TYPE;
  }

  @Override
  public void write(OutputStream out, MetricSnapshots snapshots, EscapingScheme escapingScheme)
      throws IOException {
    for (MetricSnapshot snapshot : snapshots) {
      if (!snapshot.getDataPoints().isEmpty()) {
        family(snapshot).writeDelimitedTo(out);
      }
    }
  }

  private static ProtobufEncoder family(MetricSnapshot snapshot) {
    String name = snapshot.getMetadata().getPrometheusName();
    ProtobufEncoder family = new ProtobufEncoder();
    if (snapshot instanceof CounterSnapshot) {
      header(family, snapshot, name + "_total", COUNTER);
      for (CounterSnapshot.CounterDataPointSnapshot point : ((CounterSnapshot) snapshot).getDataPoints()) {
        family.message(4, metric(point, point.getLabels(), 3, value(point.getValue())));
      }
    } else if (snapshot instanceof GaugeSnapshot) {
      header(family, snapshot, name, GAUGE);
      for (GaugeSnapshot.GaugeDataPointSnapshot point : ((GaugeSnapshot) snapshot).getDataPoints()) {
        family.message(4, metric(point, point.getLabels(), 2, value(point.getValue())));
      }
    } else if (snapshot instanceof HistogramSnapshot) {
      HistogramSnapshot histogram = (HistogramSnapshot) snapshot;
      header(family, snapshot, name, histogram.isGaugeHistogram() ? GAUGE_HISTOGRAM : HISTOGRAM);
      for (HistogramSnapshot.HistogramDataPointSnapshot point : histogram.getDataPoints()) {
        family.message(4, metric(point, point.getLabels(), 7, histogram(point)));
      }
    } else if (snapshot instanceof SummarySnapshot) {
      header(family, snapshot, name, SUMMARY);
      for (SummarySnapshot.SummaryDataPointSnapshot point : ((SummarySnapshot) snapshot).getDataPoints()) {
        family.message(4, metric(point, point.getLabels(), 4, summary(point)));
      }
    } else if (snapshot instanceof InfoSnapshot) {
      header(family, snapshot, name + "_info", GAUGE);
      for (InfoSnapshot.InfoDataPointSnapshot point : ((InfoSnapshot) snapshot).getDataPoints()) {
        family.message(4, metric(point, point.getLabels(), 2, value(1)));
      }
    } else if (snapshot instanceof StateSetSnapshot) {
      header(family, snapshot, name, GAUGE);
      for (StateSetSnapshot.StateSetDataPointSnapshot point : ((StateSetSnapshot) snapshot).getDataPoints()) {
        for (int i = 0; i < point.size(); i++) {
          Labels labels = point.getLabels().add(name, point.getName(i));
          family.message(4, metric(point, labels, 2, value(point.isTrue(i) ? 1 : 0)));
        }
      }
    } else if (snapshot instanceof UnknownSnapshot) {
      header(family, snapshot, name, UNTYPED);
      for (UnknownSnapshot.UnknownDataPointSnapshot point : ((UnknownSnapshot) snapshot).getDataPoints()) {
        family.message(4, metric(point, point.getLabels(), 5, value(point.getValue())));
      }
    }
    return family;
  }

  private static void header(ProtobufEncoder family, MetricSnapshot snapshot, String name, int type) {
    family.string(1, name);
    family.string(2, snapshot.getMetadata().getHelp());
    family.enumValue(3, type);
  }

  /** A Metric: its labels, the typed value in {@code valueField}, and the scrape timestamp. */
  private static ProtobufEncoder metric(
      DataPointSnapshot point, Labels labels, int valueField, ProtobufEncoder value) {
    ProtobufEncoder metric = new ProtobufEncoder();
    for (int i = 0; i < labels.size(); i++) {
      ProtobufEncoder label = new ProtobufEncoder();
      label.string(1, labels.getPrometheusName(i));
      label.string(2, labels.getValue(i));
      metric.message(1, label);
    }
    metric.message(valueField, value);
    if (point.hasScrapeTimestamp()) {
      metric.uint64(6, point.getScrapeTimestampMillis());
    }
    return metric;
  }

  private static ProtobufEncoder value(double value) {
    ProtobufEncoder encoder = new ProtobufEncoder();
    encoder.doubleValue(1, value);
    return encoder;
  }

  private static ProtobufEncoder summary(SummarySnapshot.SummaryDataPointSnapshot point) {
    ProtobufEncoder summary = new ProtobufEncoder();
    if (point.hasCount()) {
      summary.uint64(1, point.getCount());
    }
    if (point.hasSum()) {
      summary.doubleValue(2, point.getSum());
    }
    for (Quantile quantile : point.getQuantiles()) {
      ProtobufEncoder encoded = new ProtobufEncoder();
      encoded.doubleValue(1, quantile.getQuantile());
      encoded.doubleValue(2, quantile.getValue());
      summary.message(3, encoded);
    }
    return summary;
  }

  private static ProtobufEncoder histogram(HistogramSnapshot.HistogramDataPointSnapshot point) {
    ProtobufEncoder histogram = new ProtobufEncoder();
    if (point.hasCount()) {
      histogram.uint64(1, point.getCount());
    }
    if (point.hasSum()) {
      histogram.doubleValue(2, point.getSum());
    }
    if (point.hasClassicHistogramData()) {
      ClassicHistogramBuckets buckets = point.getClassicBuckets();
      long cumulative = 0;
      for (int i = 0; i < buckets.size(); i++) {
        cumulative += buckets.getCount(i);
        ProtobufEncoder bucket = new ProtobufEncoder();
        bucket.uint64(1, cumulative);
        bucket.doubleValue(2, buckets.getUpperBound(i));
        histogram.message(3, bucket);
      }
    }
    if (point.hasNativeHistogramData()) {
      histogram.sint32(5, point.getNativeSchema());
      histogram.doubleValue(6, point.getNativeZeroThreshold());
      histogram.uint64(7, point.getNativeZeroCount());
      NativeHistogramBuckets negative = point.getNativeBucketsForNegativeValues();
      NativeHistogramBuckets positive = point.getNativeBucketsForPositiveValues();
      nativeBuckets(histogram, negative, 9, 10);
      nativeBuckets(histogram, positive, 12, 13);
      if (negative.size() == 0 && positive.size() == 0) {
        // An empty span marks the histogram as native even before its first observation.
        ProtobufEncoder span = new ProtobufEncoder();
        span.sint32(1, 0);
        span.uint64(2, 0);
        histogram.message(12, span);
      }
    }
    return histogram;
  }

  /** Buckets as runs of consecutive indexes (spans), and counts as deltas to the previous one. */
  private static void nativeBuckets(
      ProtobufEncoder histogram, NativeHistogramBuckets buckets, int spanField, int deltaField) {
    int i = 0;
    int previousEnd = 0;
    while (i < buckets.size()) {
      int start = i;
      while (i + 1 < buckets.size() && buckets.getBucketIndex(i + 1) == buckets.getBucketIndex(i) + 1) {
        i++;
      }
      ProtobufEncoder span = new ProtobufEncoder();
      int firstIndex = buckets.getBucketIndex(start);
      span.sint32(1, start == 0 ? firstIndex : firstIndex - previousEnd);
      span.uint64(2, i - start + 1);
      histogram.message(spanField, span);
      previousEnd = buckets.getBucketIndex(i) + 1;
      i++;
    }
    long previousCount = 0;
    for (int b = 0; b < buckets.size(); b++) {
      histogram.sint64(deltaField, buckets.getCount(b) - previousCount);
      previousCount = buckets.getCount(b);
    }
  }
}
