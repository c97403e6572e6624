package dev.metricsagent.instrumentation.rules;

import dev.metricsagent.config.RuleConfig;
import dev.metricsagent.config.RuleType;
import dev.metricsagent.instrumentation.api.DataPointCache;
import dev.metricsagent.instrumentation.api.Meters;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import java.util.ArrayList;
import java.util.List;

/**
 * The one Prometheus metric that every rule naming {@code metric} feeds: a seconds histogram
 * with error_type for timers, a counter for counters, and its data points bounded by the
 * cardinality limit.
 */
final class RuleMetric {

  /** {@link DataPointCache} walks at most this many labels. */
  static final int MAX_LABELS = 6;

  private final RuleType type;
  private final List<String> labelNames;
  private final Counter counter;
  private final DataPointCache<DistributionDataPoint> timerPoints;
  private final DataPointCache<CounterDataPoint> counterPoints;

  private RuleMetric(RuleType type, List<String> labelNames, Counter counter,
      DataPointCache<DistributionDataPoint> timerPoints, DataPointCache<CounterDataPoint> counterPoints) {
    this.type = type;
    this.labelNames = labelNames;
    this.counter = counter;
    this.timerPoints = timerPoints;
    this.counterPoints = counterPoints;
  }

  /** The label names a rule's metric has: the rule's own, then error_type for timers. */
  static List<String> labelNames(RuleConfig rule) {
    List<String> names = new ArrayList<>(rule.labelNames());
    if (rule.type() == RuleType.TIMER) {
      names.add(RuleConfig.ERROR_TYPE);
    }
    return names;
  }

  static RuleMetric create(RuleConfig rule, Meters meters) {
    List<String> names = labelNames(rule);
    if (names.size() > MAX_LABELS) {
      throw new IllegalArgumentException("metric " + rule.metricName() + " of the rule at " + rule.location()
          + " has " + names.size() + " labels " + names + "; at most " + MAX_LABELS + " are supported");
    }
    String[] labelNames = names.toArray(new String[0]);
    if (rule.type() == RuleType.TIMER) {
      Histogram histogram = meters.secondsHistogram(rule.metricName(), rule.help(), labelNames);
      return new RuleMetric(RuleType.TIMER, names, null,
          meters.dataPoints(rule.metricName(), labelNames.length, histogram::labelValues), null);
    }
    Counter counter = meters.counter(rule.metricName(), rule.help(), labelNames);
    DataPointCache<CounterDataPoint> points =
        labelNames.length == 0 ? null : meters.dataPoints(rule.metricName(), labelNames.length, counter::labelValues);
    return new RuleMetric(RuleType.COUNTER, names, counter, null, points);
  }

  RuleType type() {
    return type;
  }

  List<String> labelNames() {
    return labelNames;
  }

  DistributionDataPoint timerPoint(LabelTemplate labels, String errorType, Object a0, Object a1, Object a2) {
    return labels.find(timerPoints, errorType, a0, a1, a2);
  }

  CounterDataPoint counterPoint(LabelTemplate labels, Object a0, Object a1, Object a2) {
    // A counter without labels is its own single data point.
    return counterPoints == null ? counter : labels.find(counterPoints, null, a0, a1, a2);
  }
}
