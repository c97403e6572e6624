package dev.metricsagent.instrumentation.rules;

import dev.metricsagent.bootstrap.rules.MethodRecorder;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;

/** A timer rule's histogram for one method. */
final class TimerRecorder implements MethodRecorder {

  private static final double NANOS_PER_SECOND = 1_000_000_000.0;

  private final RuleMetric metric;
  private final LabelTemplate labels;
  /** The data point of a call that returned, when no label reads an argument; otherwise null. */
  private final DistributionDataPoint returned;

  TimerRecorder(RuleMetric metric, LabelTemplate labels) {
    this.metric = metric;
    this.labels = labels;
    this.returned = labels.readsArguments() ? null : metric.timerPoint(labels, null, null, null, null);
  }

  @Override
  public void record(long durationNanos, Throwable thrown, Object a0, Object a1, Object a2) {
    DistributionDataPoint point = returned;
    if (thrown != null || point == null) {
      point = metric.timerPoint(labels, thrown == null ? null : ErrorTypes.of(thrown), a0, a1, a2);
    }
    point.observe(durationNanos / NANOS_PER_SECOND);
  }
}
