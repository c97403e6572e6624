package dev.metricsagent.instrumentation.rules;

import dev.metricsagent.bootstrap.rules.MethodRecorder;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;

/** A counter rule's counter for one method: one increment per call. */
final class CounterRecorder implements MethodRecorder {

  private final RuleMetric metric;
  private final LabelTemplate labels;
  /** The data point, when no label reads an argument; otherwise null. */
  private final CounterDataPoint fixed;

  CounterRecorder(RuleMetric metric, LabelTemplate labels) {
    this.metric = metric;
    this.labels = labels;
    this.fixed = labels.readsArguments() ? null : metric.counterPoint(labels, null, null, null);
  }

  @Override
  public void record(long durationNanos, Throwable thrown, Object a0, Object a1, Object a2) {
    CounterDataPoint point = fixed;
    if (point == null) {
      point = metric.counterPoint(labels, a0, a1, a2);
    }
    point.inc();
  }
}
