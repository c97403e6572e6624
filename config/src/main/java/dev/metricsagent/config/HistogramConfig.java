package dev.metricsagent.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code histograms:}: the bucket boundaries and native-histogram switch of every duration
 * histogram, with overrides per metric family.
 */
public final class HistogramConfig {

  /** Per-family settings; a null field means "as the default". */
  static final class FamilyOverride {
    final double[] buckets;
    final Boolean nativeHistograms;

    FamilyOverride(double[] buckets, Boolean nativeHistograms) {
      this.buckets = buckets == null ? null : buckets.clone();
      this.nativeHistograms = nativeHistograms;
    }
  }

  private final double[] buckets;
  private final boolean nativeHistograms;
  private final Map<String, FamilyOverride> perMetric;

  HistogramConfig(double[] buckets, boolean nativeHistograms, Map<String, FamilyOverride> perMetric) {
    this.buckets = buckets.clone();
    this.nativeHistograms = nativeHistograms;
    this.perMetric = Collections.unmodifiableMap(new LinkedHashMap<>(perMetric));
  }

  /**
   * {@code histograms.buckets}: upper bounds in seconds, strictly increasing, default
   * 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10 (a copy).
   */
  public double[] buckets() {
    return buckets.clone();
  }

  /** {@code histograms.native}, default false: also offer native histograms to scrapers that ask. */
  public boolean nativeHistograms() {
    return nativeHistograms;
  }

  /**
   * The buckets for one metric family, by its full Prometheus name (such as
   * {@code http_server_request_duration_seconds}): its own when configured, otherwise the default
   * (a copy).
   */
  public double[] bucketsFor(String metricName) {
    FamilyOverride override = perMetric.get(metricName);
    return override != null && override.buckets != null ? override.buckets.clone() : buckets();
  }

  /** The native-histogram switch for one metric family: its own when configured, otherwise the default. */
  public boolean nativeFor(String metricName) {
    FamilyOverride override = perMetric.get(metricName);
    return override != null && override.nativeHistograms != null ? override.nativeHistograms : nativeHistograms;
  }

  /** The metric families listed under {@code histograms.metrics}, in file order. */
  public Set<String> configuredMetrics() {
    return perMetric.keySet();
  }

  @Override
  public String toString() {
    return "histograms{buckets=" + Arrays.toString(buckets) + ", native=" + nativeHistograms
        + ", metrics=" + perMetric.keySet() + "}";
  }
}
